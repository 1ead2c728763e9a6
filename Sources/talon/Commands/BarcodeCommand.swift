import Foundation
import TalonDocuments

/// `talon barcode`: one barcode on a fitting page.
enum BarcodeCommand: Command {
    static let spec = CommandSpec(
        name: "barcode",
        synopsis: "<code128|qr|ean13> <text> -o <file.pdf> [--ecc L|M|Q|H] [--module-mm N]",
        summary: "Draw one barcode on a page that fits it, for labels and scanner checks.",
        positionals: [("<symbology>", "code128, qr or ean13."), ("<text>", "The data to encode.")],
        options: [
            .init(names: ["-o", "--output"], valueName: "file.pdf", help: "Output file, or - for standard output."),
            .init(names: ["--ecc"], valueName: "L|M|Q|H", help: "QR error correction (default: M)."),
            .init(names: ["--module-mm"], valueName: "N", help: "Width of one module in mm (default: 0.33 for 1D, 0.5 for QR)."),
        ])

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        let symbology = arguments.positionals[0]
        guard BarcodeSheet.symbologies.contains(symbology) else {
            throw .usage("unknown symbology '\(symbology)'; expected \(BarcodeSheet.symbologies.joined(separator: ", "))", command: spec.name)
        }
        guard let output = arguments.value("output") else { throw .usage("missing -o <file.pdf>", command: spec.name) }
        let ecc = arguments.value("ecc")?.uppercased() ?? "M"
        guard BarcodeSheet.errorCorrectionLevels.contains(ecc) else {
            throw .usage("invalid --ecc '\(ecc)'; expected L, M, Q or H", command: spec.name)
        }
        var module = symbology == "qr" ? 0.5 : 0.33
        if let text = arguments.value("module-mm") {
            guard let value = Double(text), value.isFinite, (0.1...10).contains(value) else {
                throw .usage("invalid --module-mm '\(text)'; expected a number of mm between 0.1 and 10", command: spec.name)
            }
            module = value
        }
        do {
            let renderer = try DocumentRenderer(resources: ResourceLocator.discover())
            let bytes = try BarcodeSheet.render(symbology: symbology, text: arguments.positionals[1], errorCorrection: ecc,
                                                moduleMillimetres: module, renderer: renderer)
            try Output.write(bytes, to: output)
            return ExitCode.success
        } catch {
            throw .talon(error)
        }
    }
}

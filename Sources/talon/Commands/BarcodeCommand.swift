import Foundation
import TalonDocuments

/// `talon barcode`: one barcode on a fitting page.
enum BarcodeCommand: Command {
    static let spec = CommandSpec(
        name: "barcode",
        synopsis: "<code128|qr|ean13> <text> -o <file.pdf> [--ecc L|M|Q|H] [--module-mm N]\n"
            + "       talon barcode <nbu-qr|epc-qr> --data <payment.json> -o <file.pdf> [--module-mm N]",
        summary: "Draw one barcode on a page that fits it, for labels and scanner checks; or a payment QR code "
            + "(NBU format 003 with the hryvnia sign, or EPC/SEPA) from payment data.",
        positionals: [("<symbology>", "code128, qr, ean13, nbu-qr or epc-qr."),
                      ("<text>", "The data to encode (not for nbu-qr and epc-qr, which read --data).")],
        minimumPositionals: 1,
        options: [
            .init(names: ["-o", "--output"], valueName: "file.pdf", help: "Output file, or - for standard output."),
            .init(names: ["--data"], valueName: "payment.json",
                  help: "Payment data for nbu-qr and epc-qr (recipient, iban, amount, tax_code, purpose, ...); - for standard input."),
            .init(names: ["--ecc"], valueName: "L|M|Q|H", help: "QR error correction (default: M)."),
            .init(names: ["--module-mm"], valueName: "N", help: "Width of one module in mm (default: 0.33 for 1D, 0.5 for QR)."),
        ])

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        let symbology = arguments.positionals[0]
        let names = BarcodeSheet.symbologies + PaymentSheet.Kind.allCases.map(\.rawValue)
        guard names.contains(symbology) else {
            throw .usage("unknown symbology '\(symbology)'; expected \(names.joined(separator: ", "))", command: spec.name)
        }
        guard let output = arguments.value("output") else { throw .usage("missing -o <file.pdf>", command: spec.name) }
        if let payment = PaymentSheet.Kind(rawValue: symbology) {
            return try runPayment(payment, arguments, output: output)
        }
        guard arguments.positionals.count == 2 else { throw .usage("missing <text>", command: spec.name) }
        guard arguments.value("data") == nil else {
            throw .usage("--data is for nbu-qr and epc-qr; \(symbology) takes <text>", command: spec.name)
        }
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

    /// `barcode nbu-qr|epc-qr --data payment.json`: the payment code from a JSON object.
    static func runPayment(_ kind: PaymentSheet.Kind, _ arguments: ParsedArguments, output: String) throws(CLIError) -> Int32 {
        guard arguments.positionals.count == 1 else {
            throw .usage("\(kind.rawValue) reads its data from --data <payment.json>, not from an argument", command: spec.name)
        }
        guard let dataPath = arguments.value("data") else { throw .usage("missing --data <payment.json>", command: spec.name) }
        guard arguments.value("ecc") == nil else {
            throw .usage("--ecc is fixed for payment codes (M, as their rules require)", command: spec.name)
        }
        var module = 0.5
        if let text = arguments.value("module-mm") {
            guard let value = Double(text), value.isFinite, (0.25...10).contains(value) else {
                throw .usage("invalid --module-mm '\(text)'; expected a number of mm between 0.25 and 10", command: spec.name)
            }
            module = value
        }
        do {
            let data = try Input.read(dataPath)
            let renderer = try DocumentRenderer(resources: ResourceLocator.discover())
            try Output.write(try PaymentSheet.render(kind, json: data, moduleMillimetres: module, renderer: renderer), to: output)
            return ExitCode.success
        } catch {
            throw .talon(error)
        }
    }
}

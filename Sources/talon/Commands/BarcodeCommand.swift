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
        options: [Options.output, Options.data, Options.ecc, Options.moduleSize])

    struct Options: CommandOptions {
        static let output = CommandSpec.Option(names: ["-o", "--output"], valueName: "file.pdf", help: "Output file, or - for standard output.")
        static let data = CommandSpec.Option(
            names: ["--data"], valueName: "payment.json",
            help: "Payment data for nbu-qr and epc-qr (recipient, iban, amount, tax_code, purpose, ...); - for standard input.")
        static let ecc = CommandSpec.Option(names: ["--ecc"], valueName: "L|M|Q|H", help: "QR error correction (default: M).")
        static let moduleSize = CommandSpec.Option(names: ["--module-mm"], valueName: "N",
                                                   help: "Width of one module in mm (default: 0.33 for 1D, 0.5 for QR).")

        /// What to draw: text in a symbology, or a payment code from a data file.
        enum Content {
            case text(symbology: String, text: String, errorCorrection: String)
            case payment(PaymentSheet.Kind, dataPath: String)
        }
        var content: Content
        var output: String
        var moduleMillimetres: Double

        init(_ arguments: ParsedArguments) throws(CLIError) {
            let symbology = arguments.positionals[0]
            let names = BarcodeSheet.symbologies + PaymentSheet.Kind.allCases.map(\.rawValue)
            guard names.contains(symbology) else {
                throw arguments.usage("unknown symbology '\(symbology)'; expected \(names.joined(separator: ", "))")
            }
            guard let output = arguments.text(Self.output) else { throw arguments.usage("missing -o <file.pdf>") }
            self.output = output
            let smallest: Double
            if let payment = PaymentSheet.Kind(rawValue: symbology) {
                guard arguments.positionals.count == 1 else {
                    throw arguments.usage("\(payment.rawValue) reads its data from --data <payment.json>, not from an argument")
                }
                guard let dataPath = arguments.text(Self.data) else { throw arguments.usage("missing --data <payment.json>") }
                guard arguments.text(Self.ecc) == nil else {
                    throw arguments.usage("--ecc is fixed for payment codes (M, as their rules require)")
                }
                content = .payment(payment, dataPath: dataPath)
                (smallest, moduleMillimetres) = (0.25, 0.5)
            } else {
                guard arguments.positionals.count == 2 else { throw arguments.usage("missing <text>") }
                guard arguments.text(Self.data) == nil else {
                    throw arguments.usage("--data is for nbu-qr and epc-qr; \(symbology) takes <text>")
                }
                let ecc = try arguments.value(Self.ecc, expected: "L, M, Q or H") { text in
                    BarcodeSheet.errorCorrectionLevels.contains(text.uppercased()) ? text.uppercased() : nil
                } ?? "M"
                content = .text(symbology: symbology, text: arguments.positionals[1], errorCorrection: ecc)
                (smallest, moduleMillimetres) = (0.1, symbology == "qr" ? 0.5 : 0.33)
            }
            let range = smallest...10
            if let size = try arguments.value(Self.moduleSize, expected: "a number of mm between \(smallest) and 10", { text in
                Double(text).flatMap { $0.isFinite && range.contains($0) ? $0 : nil }
            }) {
                moduleMillimetres = size
            }
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        do {
            let renderer = try DocumentRenderer(resources: ResourceLocator.discover())
            let bytes = switch options.content {
            case .text(let symbology, let text, let errorCorrection):
                try BarcodeSheet.render(symbology: symbology, text: text, errorCorrection: errorCorrection,
                                        moduleMillimetres: options.moduleMillimetres, renderer: renderer)
            case .payment(let kind, let dataPath):
                try PaymentSheet.render(kind, json: try Input.read(dataPath), moduleMillimetres: options.moduleMillimetres,
                                        renderer: renderer)
            }
            try Output.write(bytes, to: options.output)
            return ExitCode.success
        } catch {
            throw .talon(error)
        }
    }
}

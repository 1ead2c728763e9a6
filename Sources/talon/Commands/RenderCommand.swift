import Foundation
import TalonDocuments
import Warranty

/// `talon render`: one document from a template and its data.
enum RenderCommand: Command {
    static let spec = CommandSpec(
        name: "render",
        synopsis: "<template> [<data.json|->] [-o <out.pdf|->] [--locale <tag>] [--format pdf|text|html|sms]",
        summary: "Render one document: a built-in template by name, or a template file.",
        positionals: [
            ("<template>", "Built-in name (\(DocumentCatalog.names.joined(separator: ", "))) or a .mustache file."),
            ("<data>", "The document's JSON data, or - for standard input; with --blank optional: the service center's details."),
        ],
        variadic: true,
        minimumPositionals: 1,
        options: [Options.output, Options.locale, Options.format, Options.kind, Options.blank,
                  CommonOptions.attachments, CommonOptions.templates] + CommonOptions.pdf,
        details: """
        EXAMPLES:
          talon render warranty-card Samples/warranty-card.uk.json -o card.pdf
          talon render rma --blank --locale uk -o rma-blank.pdf
          talon render invoice Samples/invoice.uk.json --no-pdfa --owner-password env:SHOP_PW --print-only -o invoice.pdf
          talon render notice Samples/notice.en.json --format sms -o -
        Nothing is written when the data or template has an error; the file appears whole or not at all.
        An attached photo that cannot be read is printed as unreadable, with a warning naming its
        JSON path ($.claim.attachments[0].path: warning: ...); the exit status stays 0.
        """)

    struct Options: CommandOptions {
        static let output = CommandSpec.Option(names: ["-o", "--output"], valueName: "file",
                                               help: "Output file, or - for standard output (default: <data>.<format>).")
        static let locale = CommandSpec.Option(names: ["--locale"], valueName: "tag",
                                               help: "Language of the document, a catalogue's tag: en, uk, pl, … (default: the data's \"locale\", else en).")
        static let format = CommandSpec.Option(names: ["--format"], valueName: "pdf|text|html|sms", help: "What to produce (default: pdf).")
        static let kind = CommandSpec.Option(names: ["--kind"], valueName: "kind",
                                             help: "For a template file: validate the data as this document kind.")
        static let blank = CommandSpec.Option(names: ["--blank"], valueName: nil,
                                              help: "An empty form to fill in by hand (rma only; data optional: {\"service_center\": {...}}).")

        var templateText: String
        var template: TemplateReference
        var dataPath: String?
        var output: String?
        var locale: TalonLocale?
        var format: OutputFormat
        var kind: DocumentKind?
        var blank: Bool
        var attachments: URL?
        var templates: String?
        var pdf: PDFOptions

        init(_ arguments: ParsedArguments) throws(CLIError) {
            let positionals = arguments.positionals
            blank = arguments.flag(Self.blank)
            guard positionals.count <= 2 else { throw arguments.usage("unexpected argument '\(positionals[2])'") }
            if !blank, positionals.count < 2 { throw arguments.usage("missing argument <data>") }
            templateText = positionals[0]
            template = try CommonOptions.template(templateText, arguments)
            dataPath = positionals.count == 2 ? positionals[1] : nil
            output = arguments.text(Self.output)
            locale = try CommonOptions.locale(Self.locale, arguments)
            format = try arguments.choice(Self.format, OutputFormat.self) ?? .pdf
            kind = try CommonOptions.kind(Self.kind, arguments)
            if blank {
                let rma = switch template {
                case .builtIn(let builtIn): builtIn == .rma
                case .file: kind == .rma
                }
                guard rma else { throw arguments.usage("--blank is available for the rma form only (rma, or a template file with --kind rma)") }
            }
            // A warranty card has no attached files: its folder is not worked out.
            attachments = template == .builtIn(.warrantyCard) ? nil : CommonOptions.attachmentsFolder(arguments, dataPath: dataPath)
            templates = arguments.text(CommonOptions.templates)
            pdf = try CommonOptions.pdfOptions(arguments)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let renderer = try CommonOptions.renderer(templates: options.templates)
        do {
            let data = try options.dataPath.map { path throws(TalonError) in try Input.read(path) }
            let request = RenderRequest(
                template: options.template, data: data, dataName: options.dataPath ?? "-", locale: options.locale,
                kind: options.kind, format: options.format, blank: options.blank,
                baseDirectory: options.attachments, pdf: options.pdf)
            let document = try renderer.render(request)
            let output = options.output ?? Self.defaultOutput(template: options.templateText, data: options.dataPath, format: options.format)
            try Output.write(document.bytes, to: output)
            for warning in document.warnings { printStandardError(warning + "\n") }
            if let sms = document.sms {
                printStandardError("SMS: \(sms.units) \(sms.encoding == .gsm7 ? "septets" : "UTF-16 units"), \(sms.encoding.rawValue), \(sms.segments) segment\(sms.segments == 1 ? "" : "s")\n")
            }
            return ExitCode.success
        } catch {
            throw .talon(error)
        }
    }

    static func defaultOutput(template: String, data: String?, format: OutputFormat) -> String {
        let stem = data.flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            ?? URL(fileURLWithPath: template).deletingPathExtension().lastPathComponent
        let ext = switch format {
        case .pdf: "pdf"
        case .text, .sms: "txt"
        case .html: "html"
        }
        return "\(stem).\(ext)"
    }
}

import Foundation
import TalonDocuments

/// `talon render`: one document from a template and its data.
enum RenderCommand: Command {
    static let spec = CommandSpec(
        name: "render",
        synopsis: "<template> [<data.json|->] [-o <out.pdf|->] [--locale en|uk|pl] [--format pdf|text|html|sms]",
        summary: "Render one document: a built-in template by name, or a template file.",
        positionals: [
            ("<template>", "Built-in name (\(DocumentCatalog.names.joined(separator: ", "))) or a .mustache file."),
            ("<data>", "The document's JSON data, or - for standard input; with --blank optional: the service center's details."),
        ],
        variadic: true,
        minimumPositionals: 1,
        options: [
            .init(names: ["-o", "--output"], valueName: "file", help: "Output file, or - for standard output (default: <data>.<format>)."),
            .init(names: ["--locale"], valueName: "en|uk|pl", help: "Language of the document (default: the data's \"locale\", else en)."),
            .init(names: ["--format"], valueName: "pdf|text|html|sms", help: "What to produce (default: pdf)."),
            .init(names: ["--kind"], valueName: "kind", help: "For a template file: validate the data as this document kind."),
            .init(names: ["--blank"], valueName: nil, help: "An empty form to fill in by hand (rma only; data optional: {\"service_center\": {...}})."),
            Options.attachments,
            Options.templates,
        ] + Options.pdf,
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

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        let blank = arguments.flag("blank")
        let positionals = arguments.positionals
        guard positionals.count <= 2 else {
            throw .usage("unexpected argument '\(positionals[2])'", command: spec.name)
        }
        if !blank, positionals.count < 2 { throw .usage("missing argument <data>", command: spec.name) }
        let format = try Options.enumValue(arguments, "format", default: OutputFormat.pdf, command: spec.name)
        let locale = try Options.locale(arguments, command: spec.name)
        let kind = try arguments.value("kind").map { name throws(CLIError) in
            guard DocumentCatalog.names.contains(name) else {
                throw .usage("unknown kind '\(name)'; kinds: \(DocumentCatalog.names.joined(separator: ", "))", command: spec.name)
            }
            return name
        }
        let dataPath = positionals.count == 2 ? positionals[1] : nil
        let pdf = try Options.pdfOptions(arguments, command: spec.name)

        do {
            let renderer = try Options.renderer(arguments)
            let template = try TemplateReference(parsing: positionals[0])
            let data = try dataPath.map { path throws(TalonError) in try Input.read(path) }
            let request = RenderRequest(
                template: template, data: data, dataName: dataPath ?? "-", locale: locale,
                kind: kind.flatMap(DocumentCatalog.kind(named:)), format: format, blank: blank,
                baseDirectory: Options.attachmentsFolder(arguments, dataPath: dataPath), pdf: pdf)
            let document = try renderer.render(request)
            let output = arguments.value("output") ?? Self.defaultOutput(template: positionals[0], data: dataPath, format: format)
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

import Foundation
import TalonDocuments

/// `talon verify`: checks a PDF/A document against a fresh render of the data it carries.
enum VerifyCommand: Command {
    static let spec = CommandSpec(
        name: "verify",
        synopsis: "<file.pdf> [--template <name|file.mustache>] [--templates <dir>] [--attachments <dir>]",
        summary: "Check a PDF/A document against a fresh render of the data it carries.",
        positionals: [("<file.pdf>", "A PDF/A document made by talon (repair records and invoices are by default).")],
        options: [
            Options.template,
            CommonOptions.templates,
            CommonOptions.attachments,
        ],
        details: """
        OUTPUT: 'sha256 <hex>  <data name>', then 'matches a fresh render' (exit 0) or
          'differs from a fresh render of its data' (exit 1). A file without attached data
          is an error (exit 1). A claim's photos are looked up in --attachments (default: the
          current folder), as they were when the document was made.
        EXAMPLE:
          talon verify record.pdf
        """)

    struct Options: CommandOptions {
        static let template = CommandSpec.Option(names: ["--template"], valueName: "name|file",
                                                 help: "The template to render with (default: from the attached data's name).")
        var file: String
        var template: TemplateReference?
        var templates: String?
        var attachments: URL?

        init(_ arguments: ParsedArguments) throws(CLIError) {
            file = arguments.positionals[0]
            template = try arguments.text(Self.template).map { text throws(CLIError) in try CommonOptions.template(text, arguments) }
            templates = arguments.text(CommonOptions.templates)
            attachments = CommonOptions.attachmentsFolder(arguments, dataPath: nil)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let renderer = try CommonOptions.renderer(templates: options.templates)
        do {
            let pdf = try Input.read(options.file)
            let result = try renderer.verify(Array(pdf), template: options.template, attachments: options.attachments)
            print("sha256 \(result.sha256)  \(result.name)")
            print(result.matches ? "matches a fresh render" : "differs from a fresh render of its data")
            return result.matches ? ExitCode.success : ExitCode.failure
        } catch {
            throw .talon(error)
        }
    }
}

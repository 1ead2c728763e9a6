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
            .init(names: ["--template"], valueName: "name|file", help: "The template to render with (default: from the attached data's name)."),
            Options.templates,
            Options.attachments,
        ],
        details: """
        OUTPUT: 'sha256 <hex>  <data name>', then 'matches a fresh render' (exit 0) or
          'differs from a fresh render of its data' (exit 1). A file without attached data
          is an error (exit 1). A claim's photos are looked up in --attachments (default: the
          current folder), as they were when the document was made.
        EXAMPLE:
          talon verify record.pdf
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        do {
            let pdf = try Input.read(arguments.positionals[0])
            let template = try arguments.value("template").map { text throws(TalonError) in try TemplateReference(parsing: text) }
            let result = try Options.renderer(arguments).verify(Array(pdf), template: template,
                                                                attachments: Options.attachmentsFolder(arguments, dataPath: nil))
            print("sha256 \(result.sha256)  \(result.name)")
            print(result.matches ? "matches a fresh render" : "differs from a fresh render of its data")
            return result.matches ? ExitCode.success : ExitCode.failure
        } catch {
            throw .talon(error)
        }
    }
}

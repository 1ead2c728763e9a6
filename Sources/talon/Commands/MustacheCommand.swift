import Foundation
import TalonDocuments

/// `talon mustache`: render a text template exactly, for e-mail bodies and debugging.
enum MustacheCommand: Command {
    static let spec = CommandSpec(
        name: "mustache",
        synopsis: "<template-file> [--data <file.json>] [--partials <dir>] [--escape html|markup|none] [--strict]",
        summary: "Render a Mustache text template to standard output, exactly (no added newline).",
        positionals: [("<template-file>", "The template file.")],
        options: [Options.data, Options.partials, Options.escape, Options.strict])

    struct Options: CommandOptions {
        static let data = CommandSpec.Option(names: ["--data"], valueName: "file.json",
                                             help: "The data (default: an empty object); - for standard input.")
        static let partials = CommandSpec.Option(names: ["--partials"], valueName: "dir", help: "Folder where {{>name}} finds name.mustache.")
        static let escape = CommandSpec.Option(names: ["--escape"], valueName: "html|markup|none",
                                               help: "How {{name}} values are escaped (default: html).")
        static let strict = CommandSpec.Option(names: ["--strict"], valueName: nil,
                                               help: "Report every missing variable instead of rendering it empty.")

        var template: URL
        var dataPath: String?
        var partials: URL?
        var escaping: TextEscaping
        var strict: Bool

        init(_ arguments: ParsedArguments) throws(CLIError) {
            template = URL(fileURLWithPath: arguments.positionals[0])
            dataPath = arguments.text(Self.data)
            partials = arguments.text(Self.partials).map { URL(fileURLWithPath: $0) }
            escaping = try arguments.choice(Self.escape, TextEscaping.self) ?? .html
            strict = arguments.flag(Self.strict)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        do {
            let text = try TextTemplate.render(
                file: options.template,
                data: try options.dataPath.map { path throws(TalonError) in try Input.read(path) },
                dataName: options.dataPath ?? "data", partials: options.partials,
                escaping: options.escaping, strict: options.strict)
            try StandardOutput.write(text)
            return ExitCode.success
        } catch {
            throw .talon(error)
        }
    }
}

import Foundation
import TalonDocuments

/// `talon mustache`: render a text template exactly, for e-mail bodies and debugging.
enum MustacheCommand: Command {
    static let spec = CommandSpec(
        name: "mustache",
        synopsis: "<template-file> [--data <file.json>] [--partials <dir>] [--escape html|markup|none] [--strict]",
        summary: "Render a Mustache text template to standard output, exactly (no added newline).",
        positionals: [("<template-file>", "The template file.")],
        options: [
            .init(names: ["--data"], valueName: "file.json", help: "The data (default: an empty object); - for standard input."),
            .init(names: ["--partials"], valueName: "dir", help: "Folder where {{>name}} finds name.mustache."),
            .init(names: ["--escape"], valueName: "html|markup|none", help: "How {{name}} values are escaped (default: html)."),
            .init(names: ["--strict"], valueName: nil, help: "Report every missing variable instead of rendering it empty."),
        ])

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        let escaping = try Options.enumValue(arguments, "escape", default: TextEscaping.html, command: spec.name)
        do {
            let dataPath = arguments.value("data")
            let text = try TextTemplate.render(
                file: URL(fileURLWithPath: arguments.positionals[0]),
                data: try dataPath.map { path throws(TalonError) in try Input.read(path) },
                dataName: dataPath ?? "data", partials: arguments.value("partials").map { URL(fileURLWithPath: $0) },
                escaping: escaping, strict: arguments.flag("strict"))
            try StandardOutput.write(text)
            return ExitCode.success
        } catch {
            throw .talon(error)
        }
    }
}

import TalonDocuments

/// `talon schema`: the JSON Schema of a document kind's input.
enum SchemaCommand: Command {
    static let spec = CommandSpec(
        name: "schema",
        synopsis: "<kind>",
        summary: "Print the JSON Schema of a document's input data.",
        positionals: [("<kind>", "One of: \(DocumentCatalog.names.joined(separator: ", ")).")],
        options: [])

    struct Options: CommandOptions {
        var kind: String

        init(_ arguments: ParsedArguments) throws(CLIError) {
            kind = arguments.positionals[0]
            guard DocumentCatalog.kind(named: kind) != nil else {
                throw arguments.usage("unknown kind '\(kind)'; expected one of: \(DocumentCatalog.names.joined(separator: ", "))")
            }
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        do {
            try StandardOutput.write(try DocumentCatalog.schema(for: options.kind) + "\n")
            return ExitCode.success
        } catch {
            throw .talon(error)
        }
    }
}

import TalonDocuments

/// `talon schema`: the JSON Schema of a document kind's input.
enum SchemaCommand: Command {
    static let spec = CommandSpec(
        name: "schema",
        synopsis: "<kind>",
        summary: "Print the JSON Schema of a document's input data.",
        positionals: [("<kind>", "One of: \(DocumentCatalog.names.joined(separator: ", ")).")],
        options: [])

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        do {
            try StandardOutput.write(try DocumentCatalog.schema(for: arguments.positionals[0]) + "\n")
            return ExitCode.success
        } catch {
            throw .talon(error)
        }
    }
}

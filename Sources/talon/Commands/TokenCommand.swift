import Foundation
import TalonDocuments
import TalonJournal
import TalonServer

/// `talon token add <name>`: a bearer token for the HTTP API, printed once.
enum TokenCommand: Command {
    static let spec = CommandSpec(
        name: "token",
        synopsis: "add <name> [--journal <file>]",
        summary: "Create an API token for `talon serve` (printed once; only its hash is kept).",
        positionals: [("add", "The action (add)."), ("<name>", "Who uses the token, e.g. till-3 or erp.")],
        options: [JournalOptions.journal, CommonOptions.templates])

    /// `add <name>` and the journal (also `talon user`'s).
    struct Options: CommandOptions {
        var name: String
        var journal: JournalOptions.Location

        init(_ arguments: ParsedArguments) throws(CLIError) {
            guard arguments.positionals[0] == "add" else {
                throw arguments.usage("unknown action '\(arguments.positionals[0])'; expected add")
            }
            name = arguments.positionals[1]
            journal = JournalOptions.Location(arguments)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let desk = try openDesk(options.journal)
        print(try JournalOptions.run { () throws(JournalError) in try desk.addToken(name: options.name) })
        return ExitCode.success
    }

    /// The server's view of the journal (for `token` and `user`).
    static func openDesk(_ location: JournalOptions.Location) throws(CLIError) -> JournalDesk {
        let renderer = try CommonOptions.renderer(templates: location.templates)
        return try JournalOptions.run { () throws(JournalError) in try JournalDesk(path: location.path, renderer: renderer) }
    }
}

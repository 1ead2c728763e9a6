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
        options: [JournalOptions.journal, Options.templates])

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        guard arguments.positionals[0] == "add" else {
            throw .usage("unknown action '\(arguments.positionals[0])'; expected add", command: "token")
        }
        let desk = try openDesk(arguments)
        print(try JournalOptions.run { () throws(JournalError) in try desk.addToken(name: arguments.positionals[1]) })
        return ExitCode.success
    }

    /// The server's view of the journal named by `--journal` (for `token` and `user`).
    static func openDesk(_ arguments: ParsedArguments) throws(CLIError) -> JournalDesk {
        let renderer: DocumentRenderer
        do {
            renderer = try Options.renderer(arguments)
        } catch {
            throw .talon(error)
        }
        return try JournalOptions.run { () throws(JournalError) in
            try JournalDesk(path: Journal.defaultPath(option: arguments.value("journal")), renderer: renderer)
        }
    }
}

import Foundation
import TalonDocuments
import TalonServer

/// `talon token add <name>`: a bearer token for the HTTP API, printed once.
enum TokenCommand: Command {
    static let spec = CommandSpec(
        name: "token",
        synopsis: "add <name> [--journal <file>]",
        summary: "Create an API token for `talon serve` (printed once; only its hash is kept).",
        positionals: [("add", "The action (add)."), ("<name>", "Who uses the token, e.g. till-3 or erp.")],
        options: [.init(names: ["--journal"], valueName: "file", help: "The journal (default $TALON_JOURNAL or ./talon.db).")])

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        guard arguments.positionals[0] == "add" else {
            throw .usage("unknown action '\(arguments.positionals[0])'; expected add", command: "token")
        }
        let path = arguments.value("journal") ?? ProcessInfo.processInfo.environment["TALON_JOURNAL"] ?? "talon.db"
        do {
            let renderer = try Options.renderer(arguments)
            let journal = try ServerJournal(path: path, renderer: renderer)
            print(try journal.addToken(name: arguments.positionals[1]))
            return ExitCode.success
        } catch let error as TalonError {
            throw .talon(error)
        } catch let error as JournalFileError {
            throw .talon(.input(path: path, reason: error.message))
        } catch {
            throw .talon(.resources("\(error)"))
        }
    }
}

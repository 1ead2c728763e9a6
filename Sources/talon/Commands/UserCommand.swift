import Foundation
import TalonDocuments
import TalonJournal
import TalonServer

/// `talon user add <name>`: a staff user for `talon serve`'s /staff pages; the generated
/// password is printed once (only its yescrypt hash is kept).
enum UserCommand: Command {
    static let spec = CommandSpec(
        name: "user",
        synopsis: "add <name> [--journal <file>]",
        summary: "Create a staff user for `talon serve` (the password is printed once).",
        positionals: [("add", "The action (add)."), ("<name>", "The login name (letters, digits, . _ -).")],
        options: [JournalOptions.journal, Options.templates])

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        guard arguments.positionals[0] == "add" else {
            throw .usage("unknown action '\(arguments.positionals[0])'; expected add", command: "user")
        }
        let name = arguments.positionals[1]
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw .usage("invalid user name '\(name)'; use letters, digits, '.', '_' or '-'", command: "user")
        }
        let desk = try TokenCommand.openDesk(arguments)
        print(try JournalOptions.run { () throws(JournalError) in try desk.addUser(name: name) })
        return ExitCode.success
    }
}

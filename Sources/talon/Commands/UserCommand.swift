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
        options: [JournalOptions.journal, CommonOptions.templates])

    /// `token`'s options, with a name a login can have.
    struct Options: CommandOptions {
        var name: String
        var journal: JournalOptions.Location

        init(_ arguments: ParsedArguments) throws(CLIError) {
            let added = try TokenCommand.Options(arguments)
            (name, journal) = (added.name, added.journal)
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
            guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy(allowed.contains) else {
                throw arguments.usage("invalid user name '\(name)'; use letters, digits, '.', '_' or '-'")
            }
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let desk = try TokenCommand.openDesk(options.journal)
        print(try JournalOptions.run { () throws(JournalError) in try desk.addUser(name: options.name) })
        return ExitCode.success
    }
}

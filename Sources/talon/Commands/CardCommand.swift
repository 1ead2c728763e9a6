import Foundation
import TalonJournal

/// `talon card issue`: a warranty card numbered, stored in the journal and printed.
enum CardCommand: Command {
    static let spec = CommandSpec(
        name: "card",
        synopsis: "issue <card.json|-> [-o <out.pdf|->] [--journal <file>]",
        summary: "Issue a warranty card: number it, keep it in the journal, print it.",
        positionals: [
            ("issue", "The action."),
            ("<data>", "The card's JSON (as for 'talon render warranty-card'); card.number is assigned."),
        ],
        options: [JournalOptions.output, JournalOptions.journal, CommonOptions.templates],
        details: """
        The number comes from the card series of the sale's year (ГТ-2025-000001, …), taken in the
        same transaction that stores the card, so numbers are never skipped or used twice.
        Prints the number on standard output. EXAMPLE:
          talon card issue Samples/warranty-card.uk.json --journal talon.db -o card.pdf
        """)

    struct Options: CommandOptions {
        var dataPath: String
        var output: String?
        var journal: JournalOptions.Location

        init(_ arguments: ParsedArguments) throws(CLIError) {
            let positionals = arguments.positionals
            guard positionals.first == "issue" else {
                throw arguments.usage(positionals.first.map { "unknown action '\($0)'; expected issue" } ?? "missing action: issue")
            }
            guard positionals.count == 2 else {
                throw arguments.usage(positionals.count < 2 ? "missing argument <data>" : "unexpected argument '\(positionals[2])'")
            }
            dataPath = positionals[1]
            output = arguments.text(JournalOptions.output)
            journal = JournalOptions.Location(arguments)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let data = try JournalOptions.data(options.dataPath)
        let journal = try options.journal.open()
        let issued = try JournalOptions.run { () throws(JournalError) in try journal.issueCard(data) }
        _ = try JournalOptions.write(issued, to: options.output)
        print(issued.document.number)
        return ExitCode.success
    }
}

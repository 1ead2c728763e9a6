import Foundation
import TalonJournal

/// `talon reprint`: a document issued before, byte for byte.
enum ReprintCommand: Command {
    static let spec = CommandSpec(
        name: "reprint",
        synopsis: "<number> [-o <out.pdf|->] [--journal <file>]",
        summary: "Print an issued document again: the same bytes as the first time.",
        positionals: [("<number>", "The document's number: ГТ-…, RMA-…, РХ-…, or RMA-…/diagnosis and the like.")],
        options: [JournalOptions.output, JournalOptions.journal, CommonOptions.templates],
        details: """
        The stored data is rendered with the templates the document was first made with, and the
        result is checked against the stored SHA-256; a difference is an error and nothing is written.
        EXAMPLE:
          talon reprint RMA-2025-00001 -o rma.pdf
        """)

    struct Options: CommandOptions {
        var number: String
        var output: String?
        var journal: JournalOptions.Location

        init(_ arguments: ParsedArguments) throws(CLIError) {
            number = arguments.positionals[0]
            output = arguments.text(JournalOptions.output)
            journal = JournalOptions.Location(arguments)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let journal = try options.journal.open(create: false)
        let issued = try JournalOptions.run { () throws(JournalError) in try journal.reprint(number: options.number) }
        _ = try JournalOptions.write(issued, to: options.output)
        return ExitCode.success
    }
}

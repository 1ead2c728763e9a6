import Foundation
import TalonJournal

/// `talon reprint`: a document issued before, byte for byte.
enum ReprintCommand: Command {
    static let spec = CommandSpec(
        name: "reprint",
        synopsis: "<number> [-o <out.pdf|->] [--journal <file>]",
        summary: "Print an issued document again: the same bytes as the first time.",
        positionals: [("<number>", "The document's number: ГТ-…, RMA-…, РХ-…, or RMA-…/diagnosis and the like.")],
        options: [JournalOptions.output, JournalOptions.journal, Options.templates],
        details: """
        The stored data is rendered with the templates the document was first made with, and the
        result is checked against the stored SHA-256; a difference is an error and nothing is written.
        EXAMPLE:
          talon reprint RMA-2025-00001 -o rma.pdf
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        guard arguments.positionals.count == 1 else {
            throw .usage(arguments.positionals.isEmpty ? "missing argument <number>" : "unexpected argument '\(arguments.positionals[1])'",
                         command: spec.name)
        }
        let journal = try JournalOptions.open(arguments, create: false)
        let issued = try JournalOptions.run { () throws(JournalError) in try journal.reprint(number: arguments.positionals[0]) }
        _ = try JournalOptions.write(issued, arguments)
        return ExitCode.success
    }
}

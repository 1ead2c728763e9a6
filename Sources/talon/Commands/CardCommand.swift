import Foundation
import TalonDocuments
import TalonJournal

/// `talon card issue`: warranty cards numbered, stored in the journal and printed.
enum CardCommand: Command {
    static let spec = CommandSpec(
        name: "card",
        synopsis: "issue <card.json|cards.jsonl|->... [-o <out.pdf|folder|->] [--journal <file>]",
        summary: "Issue warranty cards: number them, keep them in the journal, print them.",
        positionals: [
            ("issue", "The action."),
            ("<data>", "A card's JSON (as for 'talon render warranty-card'), or a .jsonl file of cards, one a line; card.number is assigned."),
        ],
        variadic: true,
        minimumPositionals: 2,
        options: [JournalOptions.output, JournalOptions.journal, CommonOptions.templates],
        details: """
        The number comes from the card series of the sale's year (ГТ-2025-000001, …), taken in the
        same transaction that stores the card, so numbers are never skipped or used twice.
        Prints each number on standard output. EXAMPLE:
          talon card issue Samples/warranty-card.uk.json --journal talon.db -o card.pdf
        SEVERAL CARDS (several files, or .jsonl files of one card a line) are all checked first, then
        issued \(Journal.cardGroupSize) at a time in one transaction each (one commit per group), in
        their order; each PDF is written as <number>.pdf into the folder -o names (default: the current
        folder) once its group is committed. EXAMPLE:
          talon card issue Samples/batch/cards.jsonl --journal talon.db -o cards/
        """)

    struct Options: CommandOptions {
        var files: [String]
        var output: String?
        var journal: JournalOptions.Location

        init(_ arguments: ParsedArguments) throws(CLIError) {
            let positionals = arguments.positionals
            guard positionals.first == "issue" else {
                throw arguments.usage(positionals.first.map { "unknown action '\($0)'; expected issue" } ?? "missing action: issue")
            }
            guard positionals.count >= 2 else { throw arguments.usage("missing argument <data>") }
            files = Array(positionals.dropFirst())
            output = arguments.text(JournalOptions.output)
            journal = JournalOptions.Location(arguments)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let files = options.files
        if files.count == 1, !isLines(files[0]) {
            let data = try JournalOptions.data(files[0])
            let journal = try options.journal.open()
            let issued = try JournalOptions.run { () throws(JournalError) in try journal.issueCard(data) }
            _ = try JournalOptions.write(issued, to: options.output)
            print(issued.document.number)
            return ExitCode.success
        }
        var cards: [(name: String, data: Data)] = []
        for file in files { cards += try read(file) }
        let folder = options.output ?? "."
        guard folder != "-" else { throw .usage("-o - takes one card; for several give a folder", command: spec.name) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .talon(.output(path: folder, reason: "cannot make the folder: \(error.localizedDescription)"))
        }
        let journal = try options.journal.open()
        try JournalOptions.run { () throws(JournalError) in
            try journal.issueCards(cards) { (group) throws(JournalError) in
                for issued in group {
                    let path = folder + "/" + issued.document.number.replacingOccurrences(of: "/", with: "-") + ".pdf"
                    do throws(TalonError) {
                        try Output.write(issued.bytes, to: path)
                    } catch {
                        throw .document(error)
                    }
                    print(issued.document.number)
                }
            }
        }
        return ExitCode.success
    }

    /// A `.jsonl` (or `.ndjson`) file holds one card a line.
    static func isLines(_ path: String) -> Bool {
        BatchInputFormat(fileExtension: URL(fileURLWithPath: path).pathExtension) == .jsonLines
    }

    /// The cards of one argument, named for messages by file (and line).
    static func read(_ path: String) throws(CLIError) -> [(name: String, data: Data)] {
        guard isLines(path) else { return [(path, try JournalOptions.data(path))] }
        var cards: [(name: String, data: Data)] = []
        do throws(TalonError) {
            let reader = try BatchReader(path: path, format: .jsonLines)
            while let record = try reader.next() {
                let name = "\(path):\(record.line ?? record.number)"
                switch record.value {
                case .success(let value): cards.append((name, Data(value.serializedBytes(pretty: false))))
                case .failure(let error): throw TalonError.input(path: name, reason: "\(error)")
                }
            }
        } catch {
            throw .talon(error)
        }
        return cards
    }
}

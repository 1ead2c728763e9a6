import Foundation
import TalonDocuments
import TalonJournal
import TalonPrimitives
import Warranty

/// Options of the commands that use the journal.
enum JournalOptions {
    static let journal = CommandSpec.Option(
        names: ["--journal"], valueName: "file|url",
        help: "The journal file, or a postgres:// URL (default: $TALON_JOURNAL, else ./talon.db; created when missing).")

    static let output = CommandSpec.Option(names: ["-o", "--output"], valueName: "file",
                                           help: "Where to write the PDF, or - (default: <number>.pdf).")

    /// Where the journal is and which templates it renders with: `--journal` (else
    /// `$TALON_JOURNAL` or `./talon.db`) and `--templates`.
    struct Location {
        var path: String
        var templates: String?

        init(_ arguments: ParsedArguments) {
            path = Journal.defaultPath(option: arguments.text(journal))
            templates = arguments.text(CommonOptions.templates)
        }

        /// Opens the journal; with `create` false a missing journal file is an error.
        func open(create: Bool = true) throws(CLIError) -> Journal {
            let renderer = try CommonOptions.renderer(templates: templates)
            return try run { () throws(JournalError) in try Journal(path: path, renderer: renderer, create: create) }
        }
    }

    /// Runs a journal operation, its errors becoming `CLIError.journal`.
    static func run<T>(_ body: () throws(JournalError) -> T) throws(CLIError) -> T {
        do {
            return try body()
        } catch {
            throw .journal(error)
        }
    }

    /// Reads a data file (or - for standard input).
    static func data(_ path: String) throws(CLIError) -> Data {
        do {
            return try Input.read(path)
        } catch {
            throw .talon(error)
        }
    }

    /// Writes a document to `-o`, or to `<number>.pdf` in the current folder.
    static func write(_ issued: IssuedPDF, to output: String?) throws(CLIError) -> String {
        let path = output ?? issued.document.number.replacingOccurrences(of: "/", with: "-") + ".pdf"
        do {
            try Output.write(issued.bytes, to: path)
        } catch {
            throw .talon(error)
        }
        return path
    }

    /// `--today <date>`: the date open deadlines are measured against (default: today, UTC).
    static func today(_ option: CommandSpec.Option, _ arguments: ParsedArguments) throws(CLIError) -> CalendarDate {
        if let date = try arguments.value(option, expected: "YYYY-MM-DD", { CalendarDate($0) }) { return date }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day,
              let date = try? CalendarDate(year: year, month: month, day: day) else {
            throw arguments.usage("cannot read today's date; give \(option.longName) YYYY-MM-DD")
        }
        return date
    }
}

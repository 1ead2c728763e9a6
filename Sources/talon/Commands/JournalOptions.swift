import Foundation
import TalonDocuments
import TalonJournal
import Warranty

/// Options of the commands that use the journal.
enum JournalOptions {
    static let journal = CommandSpec.Option(
        names: ["--journal"], valueName: "file|url",
        help: "The journal file, or a postgres:// URL (default: $TALON_JOURNAL, else ./talon.db; created when missing).")

    /// Opens the journal named by `--journal`, `$TALON_JOURNAL` or `./talon.db`.
    static func open(_ arguments: ParsedArguments, create: Bool = true) throws(CLIError) -> Journal {
        let renderer: DocumentRenderer
        do {
            renderer = try Options.renderer(arguments)
        } catch {
            throw .talon(error)
        }
        do {
            return try Journal(path: Journal.defaultPath(option: arguments.value("journal")), renderer: renderer, create: create)
        } catch {
            throw .journal(error)
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
    static func write(_ issued: IssuedPDF, _ arguments: ParsedArguments) throws(CLIError) -> String {
        let path = arguments.value("output") ?? issued.document.number.replacingOccurrences(of: "/", with: "-") + ".pdf"
        do {
            try Output.write(issued.bytes, to: path)
        } catch {
            throw .talon(error)
        }
        return path
    }

    static let output = CommandSpec.Option(names: ["-o", "--output"], valueName: "file",
                                           help: "Where to write the PDF, or - (default: <number>.pdf).")

    /// `--today <date>`: the date open deadlines are measured against (default: today, UTC).
    static func today(_ arguments: ParsedArguments, command: String) throws(CLIError) -> CalendarDate {
        if let text = arguments.value("today") {
            guard let date = CalendarDate(text) else { throw .usage("invalid --today '\(text)'; expected YYYY-MM-DD", command: command) }
            return date
        }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day,
              let date = try? CalendarDate(year: year, month: month, day: day) else {
            throw .usage("cannot read today's date; give --today YYYY-MM-DD", command: command)
        }
        return date
    }
}

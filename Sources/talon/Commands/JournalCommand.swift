import Foundation
import TalonJournal

/// `talon journal export --jsonl` / `import`: a backup a person can read.
enum JournalCommand: Command {
    static let spec = CommandSpec(
        name: "journal",
        synopsis: "export --jsonl [--include-secrets] [-o <file|->] | import <backup.jsonl> [--journal <file>]",
        summary: "Back the journal up as JSON Lines, or restore a backup into a new journal.",
        positionals: [("<action>", "export or import."), ("<backup>", "import: the JSON Lines file (or -).")],
        variadic: true,
        minimumPositionals: 1,
        options: [
            .init(names: ["--jsonl"], valueName: nil, help: "export: JSON Lines, one row per line (the only format)."),
            .init(names: ["--include-secrets"], valueName: nil,
                  help: "export: also the server's signing key and the hashes of API tokens and staff passwords."),
            .init(names: ["-o", "--output"], valueName: "file", help: "export: where to write (default: standard output)."),
            JournalOptions.journal,
        ],
        details: """
        The first line holds the schema version; then one {"table": …, "row": {…}} per row. Import
        fills an empty journal (a new file) in one transaction: all of it or nothing.
        SECRETS: a backup leaves out what `talon serve` keeps secret (its signing key, the hashes of
        API tokens and staff passwords) unless --include-secrets is given. A journal restored
        without them works: `talon serve` makes a new key (earlier links and sessions lapse) and
        a new admin; add tokens and users again. Keep a backup with secrets as you keep keys. EXAMPLE:
          talon journal export --jsonl -o backup.jsonl && talon journal import backup.jsonl --journal copy.db
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        let positionals = arguments.positionals
        let journal = try JournalOptions.open(arguments, create: positionals.first == "import")
        guard let store = journal.store as? SQLiteJournalStore else { throw .usage("export and import work on an SQLite journal; back a PostgreSQL journal up with pg_dump", command: spec.name) }
        switch (positionals.first, positionals.count) {
        case ("export", 1):
            guard arguments.flag("jsonl") else { throw .usage("export needs --jsonl", command: spec.name) }
            var text = ""
            try JournalOptions.run { () throws(JournalError) in try store.exportLines(includeSecrets: arguments.flag("include-secrets")) { text += $0 + "\n" } }
            do {
                try Output.write(Array(text.utf8), to: arguments.value("output") ?? "-")
            } catch {
                throw .talon(error)
            }
        case ("import", 2):
            let data = try JournalOptions.data(positionals[1])
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            try JournalOptions.run { () throws(JournalError) in try store.importLines(lines, source: positionals[1]) }
        default:
            throw .usage("expected: export --jsonl, or import <backup.jsonl>", command: spec.name)
        }
        return ExitCode.success
    }
}

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
            Options.jsonl, Options.includeSecrets, Options.output, JournalOptions.journal,
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

    struct Options: CommandOptions {
        static let jsonl = CommandSpec.Option(names: ["--jsonl"], valueName: nil, help: "export: JSON Lines, one row per line (the only format).")
        static let includeSecrets = CommandSpec.Option(
            names: ["--include-secrets"], valueName: nil,
            help: "export: also the server's signing key and the hashes of API tokens and staff passwords.")
        static let output = CommandSpec.Option(names: ["-o", "--output"], valueName: "file",
                                               help: "export: where to write (default: standard output).")

        enum Action {
            case export(includeSecrets: Bool, output: String)
            case restore(backup: String)
        }
        var action: Action
        var journal: JournalOptions.Location

        init(_ arguments: ParsedArguments) throws(CLIError) {
            let positionals = arguments.positionals
            switch (positionals.first, positionals.count) {
            case ("export", 1):
                guard arguments.flag(Self.jsonl) else { throw arguments.usage("export needs --jsonl") }
                action = .export(includeSecrets: arguments.flag(Self.includeSecrets), output: arguments.text(Self.output) ?? "-")
            case ("import", 2):
                action = .restore(backup: positionals[1])
            default:
                throw arguments.usage("expected: export --jsonl, or import <backup.jsonl>")
            }
            journal = JournalOptions.Location(arguments)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let creates = if case .restore = options.action { true } else { false }
        let journal = try options.journal.open(create: creates)
        guard let store = journal.store as? SQLiteJournalStore else { throw .usage("export and import work on an SQLite journal; back a PostgreSQL journal up with pg_dump", command: spec.name) }
        switch options.action {
        case .export(let includeSecrets, let output):
            var text = ""
            try JournalOptions.run { () throws(JournalError) in try store.exportLines(includeSecrets: includeSecrets) { text += $0 + "\n" } }
            do {
                try Output.write(Array(text.utf8), to: output)
            } catch {
                throw .talon(error)
            }
        case .restore(let backup):
            let data = try JournalOptions.data(backup)
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            try JournalOptions.run { () throws(JournalError) in try store.importLines(lines, source: backup) }
        }
        return ExitCode.success
    }
}

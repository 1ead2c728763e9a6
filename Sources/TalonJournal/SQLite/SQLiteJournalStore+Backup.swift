import Foundation

/// `talon journal export --jsonl` / `import`: every row of every table as one JSON line,
/// a backup a person can read. Text stays text; bytes that are not UTF-8 (attachments) are
/// `{"base64": "…"}`. The first line names the schema version; an import goes into an
/// empty journal of that version or a later one, in one transaction. Every migration so far
/// only adds tables, or columns with a default (`JournalMigration.swift`), so the rows of an
/// older backup insert unchanged; a migration that rewrites rows must convert them here.
///
/// A backup is a file people read and pass around, so by default it leaves out the
/// server's secrets (`Journal.secretTables`: the key signing forms, links and sessions, the
/// API tokens' and staff passwords' hashes). A journal restored from it works: `talon
/// serve` makes a new signing key (links and sessions signed before no longer open) and
/// the first admin again, and tokens and users are added again. `includeSecrets` keeps them,
/// for a backup that restores a running server as it was.
extension SQLiteJournalStore {
    /// The journal's tables, parents before children.
    private func tables() throws(JournalError) -> [String] {
        let order = ["series_formats", "series", "template_sets", "claims", "documents", "cards", "claim_events",
                     "attachments", "outbox"]
        let names = try connection.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .rows().compactMap { $0.first?.string }
        return order.filter(names.contains) + names.filter { !order.contains($0) }.sorted()
    }

    private func columns(_ table: String) throws(JournalError) -> [String] {
        try connection.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid").rows([.text(table)]).compactMap { $0.first?.string }
    }

    /// Writes the backup, line by line, to `write`.
    public func exportLines(includeSecrets: Bool = false, _ write: (String) -> Void) throws(JournalError) {
        try read { (_) throws(JournalError) in
            write(Self.line(["talon_journal": try schemaVersion]))
            // A whole-table scan gives rows in rowid (or primary key) order: the same file, the same lines.
            for table in try tables() where includeSecrets || !Journal.secretTables.contains(table) {
                let names = try columns(table)
                let quoted = names.map { "\"\($0)\"" }.joined(separator: ", ")
                for row in try connection.prepare("SELECT \(quoted) FROM \"\(table)\"").rows() {
                    var object: [String: Any] = [:]
                    for (name, value) in zip(names, row) {
                        switch value {
                        case .null: object[name] = NSNull()
                        case .integer(let number): object[name] = number
                        case .text(let text): object[name] = text
                        case .blob(let bytes):
                            if let text = String(validating: bytes, as: UTF8.self) {
                                object[name] = text
                            } else {
                                object[name] = ["base64": Data(bytes).base64EncodedString()]
                            }
                        }
                    }
                    write(Self.line(["table": table, "row": object]))
                }
            }
        }
    }

    private static func line(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a backup into this journal, which must hold no claims, cards or documents.
    public func importLines(_ lines: [Substring], source: String) throws(JournalError) {
        try write { (_) throws(JournalError) in
            let used = try connection.prepare("SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM documents)").rows()
            guard used.first?.first?.int == 0 else { throw .input(path: path, reason: "import needs an empty journal") }
            let known = try tables()
            var sawHeader = false
            try connection.execute("DELETE FROM series_formats")
            for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
                let at = "\(source):\(index + 1)"
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw .input(path: at, reason: "not a JSON object")
                }
                if let version = object["talon_journal"] as? Int {
                    guard (1...(try schemaVersion)).contains(version) else {
                        throw .input(path: at, reason: "a backup of schema version \(version); this journal reads versions 1 to \(try schemaVersion)")
                    }
                    sawHeader = true
                    continue
                }
                guard sawHeader else { throw .input(path: at, reason: "the first line must be {\"talon_journal\": <version>}") }
                guard let table = object["table"] as? String, known.contains(table), let row = object["row"] as? [String: Any] else {
                    throw .input(path: at, reason: "expected {\"table\": <a journal table>, \"row\": {…}}")
                }
                let allowed = try columns(table)
                let names = row.keys.sorted()
                guard !names.isEmpty, names.allSatisfy(allowed.contains) else {
                    throw .input(path: at, reason: "unknown column in \(table) (columns: \(allowed.joined(separator: ", ")))")
                }
                var values: [SQLValue] = []
                for name in names {
                    switch row[name] {
                    case let text as String: values.append(.text(text))
                    case let number as Int: values.append(.integer(Int64(number)))
                    case let encoded as [String: Any]:
                        guard let base64 = encoded["base64"] as? String, let bytes = Data(base64Encoded: base64) else {
                            throw .input(path: at, reason: "\(name): expected {\"base64\": …}")
                        }
                        values.append(.blob(Array(bytes)))
                    case is NSNull: values.append(.null)
                    default: throw .input(path: at, reason: "\(name): unsupported value")
                    }
                }
                let sql = "INSERT INTO \"\(table)\"(\(names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
                do {
                    try connection.prepare(sql).run(values)
                } catch {
                    throw .input(path: at, reason: "\(error)")
                }
            }
            guard sawHeader else { throw .input(path: source, reason: "empty backup") }
        }
    }
}

import Foundation
import TalonPrimitives
import Warranty

/// A database the journal's rows are kept in: SQLite or PostgreSQL. The statements are
/// written once, in SQLite's words; each database turns them into its own dialect
/// (`SQLDialect`) when it prepares them.
protocol SQLDatabase: AnyObject {
    /// The file or server, for messages (never with a password).
    var path: String { get }
    /// Runs one statement and returns its rows.
    func rows(_ sql: String, _ values: [SQLValue]) throws(JournalError) -> [[SQLValue]]
}

/// The journal's rows, inside one transaction of a `SQLDatabase`.
struct SQLTransaction: JournalTransaction {
    let store: any SQLDatabase
    /// A write transaction: rows read to be changed are locked (`FOR UPDATE`, which SQLite,
    /// holding the whole file's write lock, does without).
    let writing: Bool

    func rows(_ sql: String, _ values: [SQLValue] = []) throws(JournalError) -> [[SQLValue]] {
        try store.rows(sql, values)
    }

    func run(_ sql: String, _ values: [SQLValue] = []) throws(JournalError) {
        _ = try store.rows(sql, values)
    }

    func takeNumber(_ series: NumberSeries, year: Int) throws(JournalError) -> String {
        let format = try numberFormat(series)
        try run("""
            INSERT INTO series(series, year, last) VALUES (?, ?, 1)
            ON CONFLICT(series, year) DO UPDATE SET last = series.last + 1
            """, [.text(series.rawValue), .integer(Int64(year))])
        return try format.number(of: series, counter: try lastCounter(series, year: year), year: year)
    }

    func numberFormat(_ series: NumberSeries) throws(JournalError) -> NumberFormat {
        guard let pattern = try rows("SELECT format FROM series_formats WHERE series = ?", [.text(series.rawValue)])
            .first?.first?.string else {
            throw .corrupt(path: store.path, reason: "no format for the \(series.rawValue) series")
        }
        return try NumberFormat(pattern)
    }

    func lastCounter(_ series: NumberSeries, year: Int) throws(JournalError) -> Int {
        let key: [SQLValue] = [.text(series.rawValue), .integer(Int64(year))]
        let last: Int
        if writing {
            // The row exists before it is locked, so a second writer waits for it instead of racing to insert it.
            try run("INSERT OR IGNORE INTO series(series, year, last) VALUES (?, ?, 0)", key)
            last = try rows("SELECT last FROM series WHERE series = ? AND year = ? FOR UPDATE", key).first?.first?.int ?? 0
        } else {
            last = try rows("SELECT last FROM series WHERE series = ? AND year = ?", key).first?.first?.int ?? 0
        }
        // A counter has at most 18 digits (`NumberFormat`), so arithmetic on it cannot overflow.
        guard (0...999_999_999_999_999_999).contains(last) else {
            throw .corrupt(path: store.path, reason: "the \(series.rawValue) series for \(year) holds \(last)")
        }
        return last
    }

    func storeTemplateSet(_ set: TemplateSet) throws(JournalError) {
        let exists = try rows("SELECT 1 FROM template_sets WHERE hash = ?", [.text(set.hash)])
        guard exists.isEmpty else { return }
        var object: [String: String] = [:]
        for (path, content) in set.files { object[path] = Data(content).base64EncodedString() }
        guard let json = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            throw .store("cannot encode template set")
        }
        try run("INSERT OR IGNORE INTO template_sets(hash, files) VALUES (?, ?)", [.text(set.hash), .text(String(decoding: json, as: UTF8.self))])
    }

    func templateSet(hash: String) throws(JournalError) -> TemplateSet? {
        guard let text = try rows("SELECT files FROM template_sets WHERE hash = ?", [.text(hash)]).first?.first?.string else {
            return nil
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String] else {
            throw .corrupt(path: store.path, reason: "template set \(hash) is unreadable")
        }
        var files: [String: [UInt8]] = [:]
        for (path, base64) in object {
            guard let content = Data(base64Encoded: base64) else {
                throw .corrupt(path: store.path, reason: "template set \(hash) is unreadable")
            }
            files[path] = Array(content)
        }
        return TemplateSet(files: files)
    }

    private static let documentColumns = "number, kind, locale, rma, date, template_hash, data_hash, pdf_hash, pages"

    func insertDocument(_ document: IssuedDocument, data: Data) throws(JournalError) {
        try run("INSERT INTO documents(\(Self.documentColumns), data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            .text(document.number), .text(document.kind.rawValue), .text(document.locale.rawValue),
            document.rma.map { .text($0) } ?? .null, .text(document.date.isoString), .text(document.templateHash),
            .text(document.dataHash), .text(document.pdfHash), .integer(Int64(document.pageCount)), .blob(Array(data)),
        ])
    }

    private func issuedDocument(_ row: [SQLValue]) throws(JournalError) -> IssuedDocument {
        guard row.count >= 9, let number = row[0].string,
              let kind = row[1].string.flatMap(DocumentKind.init(rawValue:)),
              let locale = row[2].string.flatMap(DocumentLocale.init(rawValue:)),
              let date = row[4].string.flatMap(CalendarDate.init), let template = row[5].string,
              let dataHash = row[6].string, let pdfHash = row[7].string, let pages = row[8].int
        else { throw .corrupt(path: store.path, reason: "a document row is unreadable") }
        return IssuedDocument(number: number, kind: kind, locale: locale, rma: row[3].string, date: date,
                              templateHash: template, dataHash: dataHash, pdfHash: pdfHash, pageCount: pages)
    }

    func document(number: String) throws(JournalError) -> (IssuedDocument, Data)? {
        guard let row = try rows("SELECT \(Self.documentColumns), data FROM documents WHERE number = ?", [.text(number)]).first else {
            return nil
        }
        return (try issuedDocument(row), Data(row[9].bytes ?? []))
    }

    func documents(rma: String) throws(JournalError) -> [IssuedDocument] {
        var result: [IssuedDocument] = []
        for row in try rows("SELECT \(Self.documentColumns) FROM documents WHERE rma = ? ORDER BY rowid", [.text(rma)]) {
            result.append(try issuedDocument(row))
        }
        return result
    }

    func insertCard(number: String, serial: String, saleDate: CalendarDate) throws(JournalError) {
        try run("INSERT INTO cards(number, serial, sale_date) VALUES (?, ?, ?)",
                [.text(number), .text(serial), .text(saleDate.isoString)])
    }

    func insertClaim(rma: String, locale: DocumentLocale, state: ClaimState, received: CalendarDate,
                     data: Data) throws(JournalError) {
        try run("INSERT INTO claims(rma, locale, state, received, data) VALUES (?, ?, ?, ?, ?)",
                [.text(rma), .text(locale.rawValue), .text(state.rawValue), .text(received.isoString), .blob(Array(data))])
    }

    func updateClaim(rma: String, state: ClaimState, data: Data) throws(JournalError) {
        try run("UPDATE claims SET state = ?, data = ? WHERE rma = ?", [.text(state.rawValue), .blob(Array(data)), .text(rma)])
    }

    func claim(rma: String) throws(JournalError) -> (state: ClaimState, locale: DocumentLocale, data: Data)? {
        let lock = writing ? " FOR UPDATE" : ""
        guard let row = try rows("SELECT state, locale, data FROM claims WHERE rma = ?\(lock)", [.text(rma)]).first else { return nil }
        guard let state = row[0].string.flatMap(ClaimState.init(rawValue:)),
              let locale = row[1].string.flatMap(DocumentLocale.init(rawValue:)), let data = row[2].bytes
        else { throw .corrupt(path: store.path, reason: "claim \(rma) is unreadable") }
        return (state, locale, Data(data))
    }

    func claims() throws(JournalError) -> [(rma: String, data: Data)] {
        try rows("SELECT rma, data FROM claims ORDER BY rowid").compactMap { row in
            guard let rma = row[0].string, let data = row[1].bytes else { return nil }
            return (rma, Data(data))
        }
    }

    func appendEvent(rma: String, _ event: ClaimEvent) throws(JournalError) {
        try run("INSERT INTO claim_events(rma, state, date, document) VALUES (?, ?, ?, ?)",
                [.text(rma), .text(event.state.rawValue), .text(event.date.isoString),
                 event.documentNumber.map { .text($0) } ?? .null])
    }

    func events(rma: String) throws(JournalError) -> [ClaimEvent] {
        var result: [ClaimEvent] = []
        for row in try rows("SELECT state, date, document FROM claim_events WHERE rma = ? ORDER BY id", [.text(rma)]) {
            guard let state = row[0].string.flatMap(ClaimState.init(rawValue:)),
                  let date = row[1].string.flatMap(CalendarDate.init)
            else { throw .corrupt(path: store.path, reason: "a history row of \(rma) is unreadable") }
            result.append(ClaimEvent(state: state, date: date, documentNumber: row[2].string))
        }
        return result
    }

    func storeAttachment(sha256: String, bytes: [UInt8]) throws(JournalError) {
        try run("INSERT OR IGNORE INTO attachments(sha256, size, content) VALUES (?, ?, ?)",
                [.text(sha256), .integer(Int64(bytes.count)), .blob(bytes)])
    }

    func attachment(sha256: String) throws(JournalError) -> [UInt8]? {
        try rows("SELECT content FROM attachments WHERE sha256 = ?", [.text(sha256)]).first?.first?.bytes
    }
}

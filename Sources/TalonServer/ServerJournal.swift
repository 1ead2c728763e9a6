import Foundation
import TalonDocuments
import Warranty

/// The journal file behind `talon serve` (SQLite, WAL): numbering series, issued
/// documents with their data, attachments by SHA-256, the notice outbox, API tokens and
/// the server's signing secret. Every change is one transaction.
public final class ServerJournal: ClaimDesk, @unchecked Sendable {
    let database: SQLiteDatabase
    let renderer: DocumentRenderer
    /// The schema version this build writes; a newer file is refused untouched.
    static let version: Int64 = 1

    /// Opens the journal, creating the file and its tables when missing.
    public init(path: String, renderer: DocumentRenderer) throws(JournalFileError) {
        database = try SQLiteDatabase(path: path)
        self.renderer = renderer
        try database.execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL")
        try migrate()
    }

    private func migrate() throws(JournalFileError) {
        try database.transaction { () throws(JournalFileError) in
            let version = try database.query("PRAGMA user_version").first?.first?.integer ?? 0
            guard version <= Self.version else {
                throw JournalFileError(path: database.path, message: "written by a newer talon (schema \(version)); not changed")
            }
            if version < 1 {
                try database.execute("""
                    CREATE TABLE settings(key TEXT PRIMARY KEY, value BLOB NOT NULL);
                    CREATE TABLE series(name TEXT NOT NULL, year INTEGER NOT NULL, last INTEGER NOT NULL,
                                        PRIMARY KEY(name, year));
                    CREATE TABLE documents(number TEXT PRIMARY KEY, kind TEXT NOT NULL, data BLOB NOT NULL,
                                           pdf BLOB NOT NULL);
                    CREATE TABLE attachments(sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL);
                    CREATE TABLE document_attachments(number TEXT NOT NULL REFERENCES documents(number),
                                                      sha256 TEXT NOT NULL REFERENCES attachments(sha256),
                                                      name TEXT NOT NULL);
                    CREATE TABLE outbox(id INTEGER PRIMARY KEY, number TEXT NOT NULL REFERENCES documents(number),
                                        notice TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'queued');
                    CREATE TABLE api_tokens(sha256 TEXT PRIMARY KEY, name TEXT NOT NULL,
                                            revoked INTEGER NOT NULL DEFAULT 0);
                    PRAGMA user_version = 1;
                    """)
            }
        }
    }

    /// The key that signs form tokens and links, made on first use and shared by every
    /// instance using this journal.
    public func secret() throws(JournalFileError) -> [UInt8] {
        try database.transaction { () throws(JournalFileError) in
            if let stored = try database.query("SELECT value FROM settings WHERE key = 'secret'").first?.first?.blob {
                return stored
            }
            let fresh = Crypto.randomBytes(32)
            try database.query("INSERT INTO settings(key, value) VALUES('secret', ?)", [.blob(fresh)])
            return fresh
        }
    }

    public var isReady: Bool {
        database.lock.lock()
        defer { database.lock.unlock() }
        return (try? database.query("SELECT 1")) != nil
    }

    public func openClaim(year: Int, attachments: [ClaimAttachment], notify: Bool,
                          data: (String) -> Data) throws -> IssuedDocument {
        var renderError: TalonError?
        let issued = try database.transaction { () throws(JournalFileError) -> IssuedDocument? in
            let last = try database.query("SELECT last FROM series WHERE name = 'RMA' AND year = ?", [.integer(Int64(year))])
                .first?.first?.integer ?? 0
            let next = last + 1
            let number = String(format: "RMA-%04d-%05lld", year, next)
            let json = data(number)
            let pdf: [UInt8]
            do throws(TalonError) {
                pdf = try renderer.render(RenderRequest(template: .builtIn(.rma), data: json)).bytes
            } catch {
                renderError = error
                return nil
            }
            try database.query("INSERT OR REPLACE INTO series(name, year, last) VALUES('RMA', ?, ?)",
                               [.integer(Int64(year)), .integer(next)])
            try database.query("INSERT INTO documents(number, kind, data, pdf) VALUES(?, 'rma', ?, ?)",
                               [.text(number), .blob(Array(json)), .blob(pdf)])
            for attachment in attachments {
                let hash = Crypto.hex(Crypto.sha256(attachment.bytes))
                try database.query("INSERT OR IGNORE INTO attachments(sha256, bytes) VALUES(?, ?)",
                                   [.text(hash), .blob(attachment.bytes)])
                try database.query("INSERT INTO document_attachments(number, sha256, name) VALUES(?, ?, ?)",
                                   [.text(number), .text(hash), .text(attachment.name)])
            }
            if notify {
                try database.query("INSERT INTO outbox(number, notice) VALUES(?, 'rma-received')", [.text(number)])
            }
            return IssuedDocument(number: number, bytes: pdf)
        }
        if let renderError { throw renderError }
        guard let issued else { throw JournalFileError(path: database.path, message: "claim not stored") }
        return issued
    }

    public func document(number: String) throws -> IssuedDocument? {
        database.lock.lock()
        defer { database.lock.unlock() }
        guard let pdf = try database.query("SELECT pdf FROM documents WHERE number = ?", [.text(number)]).first?.first?.blob else {
            return nil
        }
        return IssuedDocument(number: number, bytes: pdf)
    }

    /// Creates an API token named `name`; returns it (only its SHA-256 is stored).
    public func addToken(name: String) throws(JournalFileError) -> String {
        let token = "tln_" + Crypto.hex(Crypto.randomBytes(24))
        try database.transaction { () throws(JournalFileError) in
            try database.query("INSERT INTO api_tokens(sha256, name) VALUES(?, ?)",
                               [.text(Crypto.hex(Crypto.sha256(Array(token.utf8)))), .text(name)])
        }
        return token
    }

    public func acceptsToken(sha256 hex: String) -> Bool {
        database.lock.lock()
        defer { database.lock.unlock() }
        let rows = try? database.query("SELECT 1 FROM api_tokens WHERE sha256 = ? AND revoked = 0", [.text(hex)])
        return rows?.isEmpty == false
    }

    /// Attachment names and sizes of a claim, in the order they were handed in.
    public func attachments(number: String) throws(JournalFileError) -> [(name: String, size: Int)] {
        database.lock.lock()
        defer { database.lock.unlock() }
        return try database.query("""
            SELECT d.name, length(a.bytes) FROM document_attachments d JOIN attachments a ON a.sha256 = d.sha256
            WHERE d.number = ? ORDER BY d.rowid
            """, [.text(number)]).map { ($0[0].text ?? "", Int($0[1].integer ?? 0)) }
    }

    /// Notices waiting in the outbox, by document number.
    public func queuedNotices() throws(JournalFileError) -> [(number: String, notice: String)] {
        database.lock.lock()
        defer { database.lock.unlock() }
        return try database.query("SELECT number, notice FROM outbox WHERE status = 'queued' ORDER BY id")
            .map { ($0[0].text ?? "", $0[1].text ?? "") }
    }
}

import Foundation

/// What `talon serve` keeps in the journal besides documents: the key that signs its form
/// tokens and links (shared by every instance on this journal), and the API's tokens.
/// Tokens are stored as their SHA-256 only.
extension JournalMigration {
    static let access = JournalMigration(version: 2, name: "access", sql: """
        CREATE TABLE server_settings(key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE api_tokens(sha256 TEXT PRIMARY KEY, name TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
        """)
}

/// The access rows, inside one transaction (a store keeping them implements this too).
protocol AccessTransaction {
    func setting(_ key: String) throws(JournalError) -> [UInt8]?
    func storeSetting(_ key: String, _ value: [UInt8]) throws(JournalError)
    func insertToken(sha256: String, name: String) throws(JournalError)
    func tokenIsValid(sha256: String) throws(JournalError) -> Bool
}

extension SQLiteTransaction: AccessTransaction {
    func setting(_ key: String) throws(JournalError) -> [UInt8]? {
        guard case .blob(let bytes) = try store.statement("SELECT value FROM server_settings WHERE key = ?")
            .rows([.text(key)]).first?.first else { return nil }
        return bytes
    }

    func storeSetting(_ key: String, _ value: [UInt8]) throws(JournalError) {
        try store.statement("INSERT INTO server_settings(key, value) VALUES (?, ?)").run([.text(key), .blob(value)])
    }

    func insertToken(sha256: String, name: String) throws(JournalError) {
        try store.statement("INSERT INTO api_tokens(sha256, name) VALUES (?, ?)").run([.text(sha256), .text(name)])
    }

    func tokenIsValid(sha256: String) throws(JournalError) -> Bool {
        try !store.statement("SELECT 1 FROM api_tokens WHERE sha256 = ? AND revoked = 0").rows([.text(sha256)]).isEmpty
    }
}

extension Journal {
    private func access<T>(_ transaction: any JournalTransaction,
                           _ body: (any AccessTransaction) throws(JournalError) -> T) throws(JournalError) -> T {
        guard let access = transaction as? any AccessTransaction else {
            throw .store("this journal store keeps no server settings")
        }
        return try body(access)
    }

    /// The setting `key`; when missing, `make()` is stored under it (first writer wins).
    public func setting(_ key: String, orStore make: () -> [UInt8]) throws(JournalError) -> [UInt8] {
        if let stored = try store.read({ (transaction) throws(JournalError) in
            try access(transaction) { (access) throws(JournalError) in try access.setting(key) }
        }) {
            return stored
        }
        return try store.write { (transaction) throws(JournalError) -> [UInt8] in
            try access(transaction) { (access) throws(JournalError) -> [UInt8] in
                if let stored = try access.setting(key) { return stored }
                let value = make()
                try access.storeSetting(key, value)
                return value
            }
        }
    }

    /// Records an API token by its SHA-256 (hex) under a name.
    public func addToken(sha256: String, name: String) throws(JournalError) {
        try store.write { (transaction) throws(JournalError) in
            try access(transaction) { (access) throws(JournalError) in try access.insertToken(sha256: sha256, name: name) }
        }
    }

    /// Whether a token (by its SHA-256, hex) is known and not revoked.
    public func acceptsToken(sha256: String) throws(JournalError) -> Bool {
        try store.read { (transaction) throws(JournalError) in
            try access(transaction) { (access) throws(JournalError) in try access.tokenIsValid(sha256: sha256) }
        }
    }
}

import Foundation

/// What `talon serve` keeps in the journal besides documents: the key that signs its form
/// tokens, links and sessions (shared by every instance on this journal), the API's tokens
/// (as their SHA-256 only) and the staff users (with their yescrypt password hashes).
extension JournalMigration {
    static let access = JournalMigration(version: 2, name: "access", sql: """
        CREATE TABLE server_settings(key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE api_tokens(sha256 TEXT PRIMARY KEY, name TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
        CREATE TABLE staff_users(name TEXT PRIMARY KEY, password_hash TEXT NOT NULL) WITHOUT ROWID;
        """)
}

extension Journal {
    /// The tables holding the server's secrets, left out of a backup unless asked for.
    public static let secretTables: Set<String> = ["server_settings", "api_tokens", "staff_users"]
}

/// The access rows, inside one transaction (a store keeping them implements this too).
protocol AccessTransaction {
    func setting(_ key: String) throws(JournalError) -> [UInt8]?
    /// Stores a setting unless one is stored under `key` already.
    func storeSetting(_ key: String, _ value: [UInt8]) throws(JournalError)
    func insertToken(sha256: String, name: String) throws(JournalError)
    func tokenIsValid(sha256: String) throws(JournalError) -> Bool
    func insertUser(name: String, passwordHash: String) throws(JournalError)
    /// Inserts the user only while there is no staff user at all (and no row of that name).
    func insertFirstUser(name: String, passwordHash: String) throws(JournalError)
    func passwordHash(user: String) throws(JournalError) -> String?
    func userCount() throws(JournalError) -> Int
}

extension SQLTransaction: AccessTransaction {
    func setting(_ key: String) throws(JournalError) -> [UInt8]? {
        // A backup writes bytes that happen to be UTF-8 as text, and an import stores them so.
        try rows("SELECT value FROM server_settings WHERE key = ?", [.text(key)]).first?.first?.bytes
    }

    func storeSetting(_ key: String, _ value: [UInt8]) throws(JournalError) {
        try run("INSERT OR IGNORE INTO server_settings(key, value) VALUES (?, ?)", [.text(key), .blob(value)])
    }

    func insertToken(sha256: String, name: String) throws(JournalError) {
        try run("INSERT INTO api_tokens(sha256, name) VALUES (?, ?)", [.text(sha256), .text(name)])
    }

    func tokenIsValid(sha256: String) throws(JournalError) -> Bool {
        try !rows("SELECT 1 FROM api_tokens WHERE sha256 = ? AND revoked = 0", [.text(sha256)]).isEmpty
    }

    func insertUser(name: String, passwordHash: String) throws(JournalError) {
        guard try self.passwordHash(user: name) == nil else { throw .input(path: name, reason: "a staff user of this name exists") }
        try run("INSERT INTO staff_users(name, password_hash) VALUES (?, ?)", [.text(name), .text(passwordHash)])
    }

    func insertFirstUser(name: String, passwordHash: String) throws(JournalError) {
        try run("INSERT OR IGNORE INTO staff_users(name, password_hash) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM staff_users)",
                [.text(name), .text(passwordHash)])
    }

    func passwordHash(user: String) throws(JournalError) -> String? {
        guard case .text(let hash) = try rows("SELECT password_hash FROM staff_users WHERE name = ?", [.text(user)]).first?.first else { return nil }
        return hash
    }

    func userCount() throws(JournalError) -> Int {
        try rows("SELECT count(*) FROM staff_users").first?.first?.int ?? 0
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
                // Another instance may have stored one meanwhile (PostgreSQL): the first one stays.
                try access.storeSetting(key, value)
                return try access.setting(key) ?? value
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

    /// Adds a staff user with a password hash (made by the caller); refused when the name exists.
    public func addUser(name: String, passwordHash: String) throws(JournalError) {
        try store.write { (transaction) throws(JournalError) in
            try access(transaction) { (access) throws(JournalError) in try access.insertUser(name: name, passwordHash: passwordHash) }
        }
    }

    /// Adds the first staff user in one transaction; false when the journal had one already.
    /// Several servers starting at once on an empty PostgreSQL journal race here: the insert
    /// of the one that comes second waits for the first and does nothing (the name is the key),
    /// so exactly one of them adds the user and prints its password.
    public func addFirstUser(name: String, passwordHash: String) throws(JournalError) -> Bool {
        try store.write { (transaction) throws(JournalError) in
            try access(transaction) { (access) throws(JournalError) in
                try access.insertFirstUser(name: name, passwordHash: passwordHash)
                return try access.passwordHash(user: name) == passwordHash
            }
        }
    }

    /// The stored password hash of a staff user, if there is one.
    public func passwordHash(user: String) throws(JournalError) -> String? {
        try store.read { (transaction) throws(JournalError) in
            try access(transaction) { (access) throws(JournalError) in try access.passwordHash(user: user) }
        }
    }

    /// How many staff users there are.
    public func userCount() throws(JournalError) -> Int {
        try store.read { (transaction) throws(JournalError) in
            try access(transaction) { (access) throws(JournalError) in try access.userCount() }
        }
    }
}

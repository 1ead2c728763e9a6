import Foundation
import TalonDocuments
import TalonJournal
import TalonPrimitives
import Warranty

/// A file handed in with a claim, already checked by its content.
public struct ClaimAttachment: Sendable {
    public var name: String
    public var kind: UploadKind
    public var bytes: [UInt8]
}

/// The server's way to the journal: a few `Journal`s (one SQLite connection each, used by
/// one worker at a time), opened as workers need them. Every call is one journal
/// transaction, so several server instances may share the file.
public final class JournalDesk: @unchecked Sendable {
    let path: String
    let renderer: DocumentRenderer
    private let lock = NSLock()
    private var idle: [Journal] = []

    /// Opens (creating and migrating when needed) the journal at `path`.
    public init(path: String, renderer: DocumentRenderer) throws(JournalError) {
        self.path = path
        self.renderer = renderer
        idle = [try Journal(path: path, renderer: renderer)]
    }

    /// Runs `body` with a journal no other thread is using.
    func with<T>(_ body: (Journal) throws(JournalError) -> T) throws(JournalError) -> T {
        lock.lock()
        let taken = idle.popLast()
        lock.unlock()
        let journal: Journal
        if let taken {
            journal = taken
        } else {
            journal = try Journal(path: path, renderer: renderer)
        }
        defer {
            lock.lock()
            idle.append(journal)
            lock.unlock()
        }
        return try body(journal)
    }

    /// The key that signs form tokens and download links, made on first use.
    public func secret() throws(JournalError) -> [UInt8] {
        try with { (journal) throws(JournalError) in try journal.setting("form-secret") { Crypto.randomBytes(32) } }
    }

    /// Creates an API token named `name`; returns it (only its SHA-256 is kept).
    public func addToken(name: String) throws(JournalError) -> String {
        let token = "tln_" + Crypto.hex(Crypto.randomBytes(24))
        try with { (journal) throws(JournalError) in
            try journal.addToken(sha256: SHA256.hex(token.utf8), name: name)
        }
        return token
    }

    func acceptsToken(_ token: String) -> Bool {
        let hash = SHA256.hex(token.utf8)
        return (try? with { (journal) throws(JournalError) in try journal.acceptsToken(sha256: hash) }) ?? false
    }

    var isReady: Bool {
        (try? with { (journal) throws(JournalError) in try journal.acceptsToken(sha256: "") }) != nil
    }

    /// Opens a claim from the RMA form's data (`attachments` named as in `data`, by index):
    /// the journal numbers it, copies the files in, issues the RMA form and queues the
    /// receipt notice, in one transaction.
    func openClaim(_ data: (_ paths: [String]) -> Data, attachments: [ClaimAttachment]) throws(JournalError) -> IssuedPDF {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, attachment) in attachments.enumerated() {
                // Named by what the content is, so only real images are drawn on the form.
                let path = "\(index + 1).\(attachment.kind.fileExtension)"
                try Data(attachment.bytes).write(to: folder.appendingPathComponent(path))
                paths.append(path)
            }
        } catch {
            throw .store("cannot keep the uploaded files: \(error.localizedDescription)")
        }
        let opened = try with { (journal) throws(JournalError) in try journal.openClaim(data(paths), baseDirectory: folder) }
        guard let issued = opened.issued else { throw .store("no RMA form issued for \(opened.rma)") }
        return issued
    }

    /// The RMA form issued under `number` (reprinted from the journal: the same bytes).
    func rmaForm(number: String) throws(JournalError) -> [UInt8]? {
        try with { (journal) throws(JournalError) -> [UInt8]? in
            guard let document = try journal.document(number: number), document.kind == .rma else { return nil }
            return try journal.reprint(number: number).bytes
        }
    }
}

extension JournalDesk {
    /// Numbers, stores and renders a warranty card.
    func issueCard(_ data: Data) throws(JournalError) -> IssuedPDF {
        try with { (journal) throws(JournalError) in try journal.issueCard(data) }
    }

    /// Opens a claim from an RMA form's JSON given over the API (attachments by name only).
    func openClaim(_ data: Data) throws(JournalError) -> ClaimStepResult {
        try with { (journal) throws(JournalError) in try journal.openClaim(data, baseDirectory: nil) }
    }

    func advanceClaim(_ rma: String, step: ClaimStep, data: Data?) throws(JournalError) -> ClaimStepResult {
        try with { (journal) throws(JournalError) in try journal.advanceClaim(rma, step: step, data: data) }
    }

    func claim(_ rma: String, asOf: CalendarDate?) throws(JournalError) -> ClaimRecord {
        try with { (journal) throws(JournalError) in try journal.claim(rma, asOf: asOf) }
    }

    func claims(asOf: CalendarDate?) throws(JournalError) -> [ClaimSummary] {
        try with { (journal) throws(JournalError) in try journal.claims(asOf: asOf) }
    }

    /// Any issued document, reprinted byte for byte.
    func reprint(number: String) throws(JournalError) -> IssuedPDF {
        try with { (journal) throws(JournalError) in try journal.reprint(number: number) }
    }
}

extension JournalDesk {
    /// Adds a staff user; returns the generated password (printed once, only its hash kept).
    public func addUser(name: String) throws(JournalError) -> String {
        let (password, hash) = try Self.newPassword()
        try with { (journal) throws(JournalError) in try journal.addUser(name: name, passwordHash: hash) }
        return password
    }

    /// On a journal without staff users, adds `admin`; returns its password (else nil).
    public func addFirstUser() throws(JournalError) -> String? {
        guard try with({ (journal) throws(JournalError) in try journal.userCount() }) == 0 else { return nil }
        let (password, hash) = try Self.newPassword()
        let added = try with { (journal) throws(JournalError) in try journal.addFirstUser(name: "admin", passwordHash: hash) }
        return added ? password : nil
    }

    /// A generated password and its yescrypt hash.
    private static func newPassword() throws(JournalError) -> (password: String, hash: String) {
        let password = PasswordHash.generatePassword()
        guard let hash = PasswordHash.make(password) else { throw .store("libcrypt could not hash the password") }
        return (password, hash)
    }

    /// Whether `password` is the staff user's password.
    func checkPassword(user: String, _ password: String) -> Bool {
        guard let stored = try? with({ (journal) throws(JournalError) in try journal.passwordHash(user: user) }) else {
            // Spend the same time on an unknown name as on a wrong password.
            _ = PasswordHash.make(password)
            return false
        }
        return PasswordHash.verify(password, against: stored)
    }
}

import Foundation
import Testing
import TalonJournal
import TestSupport

/// `talon journal export` leaves the server's secrets out unless `--include-secrets` is
/// given, and a journal restored from a backup without them still works.
@Suite struct JournalBackupTests {
    static let card = TestSupport.packageRoot.appendingPathComponent("Samples/warranty-card.uk.json")

    @Test func secretsOnlyWithTheFlagAndRestoresWithoutThem() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("talon.db").path
        let journal = try Journal(path: path, renderer: try JournalConcurrencyTests.renderer())
        let issued = try journal.issueCard(try Data(contentsOf: Self.card))
        try journal.addToken(sha256: String(repeating: "ab", count: 32), name: "till-3")
        try journal.addUser(name: "admin", passwordHash: "$y$j9T$hash")
        let key = try journal.setting("form-key") { Array(repeating: 7, count: 32) }

        let plain = folder.appendingPathComponent("plain.jsonl").path
        let secret = folder.appendingPathComponent("secret.jsonl").path
        #expect(try TestSupport.talon(["journal", "export", "--jsonl", "--journal", path, "-o", plain]).status == 0)
        let withSecrets = try TestSupport.talon(["journal", "export", "--jsonl", "--include-secrets", "--journal", path, "-o", secret])
        #expect(withSecrets.status == 0, "\(withSecrets.stderrText)")
        let plainText = try String(contentsOfFile: plain, encoding: .utf8)
        let secretText = try String(contentsOfFile: secret, encoding: .utf8)
        for table in Journal.secretTables.sorted() {
            #expect(!plainText.contains("\"table\":\"\(table)\""), "\(table) left out by default")
            #expect(secretText.contains("\"table\":\"\(table)\""), "\(table) kept with --include-secrets")
        }
        #expect(plainText.contains(issued.document.number))

        // Restored without secrets: the card reprints; tokens and users are gone; a new key is made.
        let restoredPath = folder.appendingPathComponent("restored.db").path
        let restored = try SQLiteJournalStore(path: restoredPath)
        try restored.importLines(plainText.split(separator: "\n"), source: plain)
        let copy = Journal(store: restored, renderer: journal.renderer)
        #expect(try copy.reprint(number: issued.document.number).bytes == issued.bytes)
        #expect(try copy.acceptsToken(sha256: String(repeating: "ab", count: 32)) == false)
        #expect(try copy.userCount() == 0)
        #expect(try copy.setting("form-key") { Array(repeating: 9, count: 32) } == Array(repeating: 9, count: 32))

        // Restored with secrets: the running server's state as it was.
        let fullPath = folder.appendingPathComponent("full.db").path
        let full = try SQLiteJournalStore(path: fullPath)
        try full.importLines(secretText.split(separator: "\n"), source: secret)
        let fullCopy = Journal(store: full, renderer: journal.renderer)
        #expect(try fullCopy.acceptsToken(sha256: String(repeating: "ab", count: 32)))
        #expect(try fullCopy.passwordHash(user: "admin") == "$y$j9T$hash")
        #expect(try fullCopy.setting("form-key") { [] } == key)
    }
}

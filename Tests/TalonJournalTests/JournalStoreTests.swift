import Foundation
import Testing
import TalonJournal
import TestSupport

/// The journal file: created and migrated on open, refused without change when it is
/// newer, damaged or not a journal; number formats; refused steps name the claim's state.
@Suite struct JournalStoreTests {
    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func newJournalIsMigratedToTheLatestVersion() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("j.db").path
        let store = try SQLiteJournalStore(path: path)
        #expect(try store.schemaVersion == JournalMigration.latestVersion)
        // Opening again runs no migration twice.
        #expect(try SQLiteJournalStore(path: path).schemaVersion == JournalMigration.latestVersion)
    }

    /// A backup exported before the outbox had channels (schema 2) restores into today's
    /// journal, its e-mails as e-mails; a backup from a newer schema is refused by line.
    @Test func olderBackupRestoresAndNewerIsRefused() throws {
        let folder = try TestSupport.temporaryDirectory()
        let lines = [
            "{\"talon_journal\":2}",
            "{\"table\":\"outbox\",\"row\":{\"attachment\":null,\"attachment_name\":null,\"attempts\":0,\"event\":\"received\","
                + "\"html\":\"<p>x</p>\",\"id\":1,\"last_error\":null,\"message_id\":\"m1@example.com\",\"next_attempt\":0,"
                + "\"recipient\":\"c@example.com\",\"rma\":null,\"sender\":\"s@example.com\",\"sent_at\":null,\"status\":\"pending\","
                + "\"subject\":\"s\",\"text\":\"x\"}}",
        ]
        let store = try SQLiteJournalStore(path: folder.appendingPathComponent("old.db").path)
        try store.importLines(lines.map { Substring($0) }, source: "old.jsonl")
        let channels = try store.read { (transaction) throws(JournalError) in try transaction.allMessages() }.map(\.channel)
        #expect(channels == [.email])

        let newer = try SQLiteJournalStore(path: folder.appendingPathComponent("new.db").path)
        let future = "{\"talon_journal\":\(JournalMigration.latestVersion + 1)}"
        #expect {
            try newer.importLines([Substring(future)], source: "new.jsonl")
        } throws: { error in
            "\(error)".contains("new.jsonl:1") && "\(error)".contains("reads versions 1 to \(JournalMigration.latestVersion)")
        }
    }

    @Test func newerSchemaIsRefusedUnchanged() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("j.db").path
        do {
            let store = try SQLiteJournalStore(path: path)
            _ = try store.write { (transaction) throws(JournalError) in try transaction.takeNumber(.rma, year: 2025) }
        }
        // A later Talon would have raised the version; SQLite's own pragma does the same.
        let raise = try TestSupport.run("python3", ["-c", "import sqlite3; c=sqlite3.connect('\(path)'); c.execute('PRAGMA user_version = 99'); c.commit(); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()"])
        #expect(raise.status == 0, "\(raise.stderrText)")
        let before = try Self.bytes(path)
        #expect(throws: JournalError.self) { try SQLiteJournalStore(path: path) }
        do {
            _ = try SQLiteJournalStore(path: path)
        } catch {
            #expect(error.description.contains("schema version 99 is newer"))
        }
        #expect(try Self.bytes(path) == before)
    }

    @Test(arguments: ["garbage", "sqlite"])
    func foreignOrDamagedFileIsRefusedUnchanged(kind: String) throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("j.db").path
        if kind == "garbage" {
            try Data(repeating: 0x5a, count: 8192).write(to: URL(fileURLWithPath: path))
        } else {
            let made = try TestSupport.run("python3", ["-c", "import sqlite3; c=sqlite3.connect('\(path)'); c.execute('CREATE TABLE t(x)'); c.commit(); c.close()"])
            #expect(made.status == 0)
        }
        let before = try Self.bytes(path)
        do {
            _ = try SQLiteJournalStore(path: path)
            Issue.record("a \(kind) file was opened as a journal")
        } catch {
            #expect(error.description.contains("not a usable Talon journal"), "\(error)")
        }
        #expect(try Self.bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") || kind == "sqlite")
    }

    @Test func numberFormats() throws {
        #expect(try NumberFormat("RMA-{yyyy}-{00000}").format(counter: 42, year: 2025) == "RMA-2025-00042")
        #expect(try NumberFormat("ГТ-{yyyy}-{000000}").format(counter: 1, year: 2024) == "ГТ-2024-000001")
        #expect(try NumberFormat("РХ-{yyyy}-{0000}").format(counter: 10_000, year: 2025) == nil, "a full series is not wrapped")
        #expect(throws: JournalError.self) { try NumberFormat("RMA-{yyyy}") }
        #expect(throws: JournalError.self) { try NumberFormat("RMA-{yy}-{000}") }
    }

    @Test func seriesCountPerYearWithoutGaps() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("j.db").path
        let store = try SQLiteJournalStore(path: path)
        let numbers = try (0..<3).map { _ in
            try store.write { (transaction) throws(JournalError) in
                (try transaction.takeNumber(.invoice, year: 2025), try transaction.takeNumber(.invoice, year: 2026))
            }
        }
        #expect(numbers.map(\.0) == ["РХ-2025-0001", "РХ-2025-0002", "РХ-2025-0003"])
        #expect(numbers.map(\.1) == ["РХ-2026-0001", "РХ-2026-0002", "РХ-2026-0003"])
        // A transaction that fails after taking a number gives it back.
        do {
            try store.write { (transaction) throws(JournalError) in
                _ = try transaction.takeNumber(.invoice, year: 2025)
                throw JournalError.store("disk full (simulated)")
            }
        } catch {}
        let next = try store.write { (transaction) throws(JournalError) in try transaction.takeNumber(.invoice, year: 2025) }
        #expect(next == "РХ-2025-0004")
    }

    /// `write(_:whileCommitting:)`: the work runs once, after the body and before the write
    /// returns, and the transaction is committed when it returns; a body that fails runs no work
    /// and gives its number back.
    @Test func workRunsWhileTheTransactionCommits() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("j.db").path
        let store = try SQLiteJournalStore(path: path)
        var order: [String] = []
        let number = try store.write({ (transaction) throws(JournalError) in
            order.append("body")
            return try transaction.takeNumber(.invoice, year: 2025)
        }, whileCommitting: { order.append("work") })
        #expect(number == "РХ-2025-0001")
        #expect(order == ["body", "work"])
        let other = try SQLiteJournalStore(path: path)
        #expect(try other.read { (transaction) throws(JournalError) in try transaction.lastCounter(.invoice, year: 2025) } == 1)
        var worked = false
        #expect(throws: JournalError.self) {
            try store.write({ (transaction) throws(JournalError) in
                _ = try transaction.takeNumber(.invoice, year: 2025)
                throw JournalError.store("disk full (simulated)")
            }, whileCommitting: { worked = true })
        }
        #expect(!worked)
        #expect(try other.read { (transaction) throws(JournalError) in try transaction.lastCounter(.invoice, year: 2025) } == 1)
        // The store is usable again after both (no transaction left open).
        #expect(try store.write { (transaction) throws(JournalError) in try transaction.takeNumber(.invoice, year: 2025) }
                == "РХ-2025-0002")
    }

    @Test func stepsAllowedFromEachState() {
        #expect(ClaimStep.invoice.allowedFrom == [.diagnosed])
        #expect(ClaimStep.repair.allowedFrom == [.approved])
        #expect(ClaimStep.return.allowedFrom == [.repaired, .declined])
        let refused = JournalError.transitionRefused(rma: "RMA-2025-00001", state: .declined, step: .repair)
        #expect(refused.description == "error: claim RMA-2025-00001 is declined: cannot repair (allowed when approved)")
    }
}

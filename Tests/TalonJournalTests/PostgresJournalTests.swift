import Foundation
import Synchronization
import Testing
import TalonJournal
import TestSupport

/// The journal on a real PostgreSQL server (one throw-away cluster for the suite, stopped
/// and removed however the test ends): the same behaviour as on SQLite, numbers unique and
/// gap-free with two writer processes at once, and no number lost to a writer killed inside
/// its transaction.
@Suite(.serialized) struct PostgresJournalTests {
    static let card = JournalConcurrencyTests.card
    static let rma = TestSupport.packageRoot.appendingPathComponent("Samples/rma.en.json").path

    /// The card numbers issued for 2024, counted from 1 until the first missing one.
    static func issuedCount(_ journal: Journal, _ format: String = "ГТ-2024-%06d") throws -> Int {
        var count = 0
        while try journal.document(number: String(format: format, count + 1)) != nil { count += 1 }
        return count
    }

    @Test func journalOnPostgreSQL() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let renderer = try JournalConcurrencyTests.renderer()

        // Migrated on open; the same documents and reprints as on SQLite; a second open changes nothing.
        let url = try cluster.database("basics")
        let journal = try Journal(path: url, renderer: renderer)
        #expect(try PostgresJournalStore(url: url).schemaVersion == JournalMigration.latestVersion)
        let first = try journal.issueCard(try Data(contentsOf: URL(fileURLWithPath: Self.card)))
        #expect(first.document.number == "ГТ-2024-000001")
        let claim = try journal.openClaim(try Data(contentsOf: URL(fileURLWithPath: Self.rma)))
        #expect(claim.rma == "RMA-2025-00001")
        let again = try Journal(path: url, renderer: renderer)
        #expect(try again.reprint(number: "ГТ-2024-000001").bytes == first.bytes)
        #expect(try again.reprint(number: "RMA-2025-00001").bytes == claim.issued?.bytes)
        #expect(try again.claim("RMA-2025-00001").state == .received)
        #expect(try again.setting("key") { [0xff, 0, 1] } == [0xff, 0, 1])
        #expect(try journal.setting("key") { [2] } == [0xff, 0, 1], "the first stored setting stays")
        #expect(try cluster.sql("basics", "SELECT max(version) FROM talon_schema") == "\(JournalMigration.latestVersion)\n")

        try Self.twoWritersAtOnce(cluster)
        try Self.killedWriterLeavesNoGap(cluster)
        try Self.oneFirstUserFromServersStartingAtOnce(cluster)
    }

    /// Replicas of `talon serve` starting at once on an empty journal: exactly one adds the
    /// first staff user (the others' inserts wait for it and do nothing).
    static func oneFirstUserFromServersStartingAtOnce(_ cluster: PostgresCluster) throws {
        let url = try cluster.database("users")
        let renderer = try JournalConcurrencyTests.renderer()
        let outcomes = Mutex([String]())
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let outcome: String
            do {
                outcome = try Journal(path: url, renderer: renderer).addFirstUser(name: "admin", passwordHash: "hash-\(index)")
                    ? "added" : "had one"
            } catch {
                outcome = "failed: \(error)"
            }
            outcomes.withLock { $0.append(outcome) }
        }
        let seen = outcomes.withLock { $0 }
        #expect(seen.filter { $0 == "added" }.count == 1, "\(seen)")
        #expect(seen.filter { $0 == "had one" }.count == 3, "no server fails to start: \(seen)")
        let journal = try Journal(path: url, renderer: renderer)
        #expect(try journal.userCount() == 1)
        #expect(try journal.addFirstUser(name: "admin2", passwordHash: "later") == false)
    }

    /// Two `talon card issue` loops and one `talon claim open` loop on one database at once.
    static func twoWritersAtOnce(_ cluster: PostgresCluster) throws {
        let url = try cluster.database("race")
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cards = try (["a", "b"]).map { try JournalConcurrencyTests.issuer(6, journal: url, folder: folder, tag: $0) }
        let claims = Process()
        claims.executableURL = URL(fileURLWithPath: "/bin/sh")
        claims.arguments = ["-c", "for i in 1 2 3 4; do \"$0\" claim open \"$1\" --journal \"$2\" -o \"$3/rma-$i.pdf\" >> \"$3/rma.out\" || exit 1; done",
                            TestSupport.talonBinary, rma, url, folder.path]
        try claims.run()
        for process in cards + [claims] { process.waitUntilExit() }
        #expect((cards + [claims]).allSatisfy { $0.terminationStatus == 0 })
        let printed = try ["a", "b"].flatMap { tag in
            try String(contentsOf: folder.appendingPathComponent("\(tag).out"), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        #expect(Set(printed) == Set((1...12).map { String(format: "ГТ-2024-%06d", $0) }), "\(printed.sorted())")
        let opened = try String(contentsOf: folder.appendingPathComponent("rma.out"), encoding: .utf8)
        #expect(opened.split(separator: "\n").map { String($0.split(separator: " ").first ?? "") }
                == (1...4).map { String(format: "RMA-2025-%05d", $0) })
        #expect(try issuedCount(Journal(path: url, renderer: JournalConcurrencyTests.renderer())) == 12)
    }

    /// A writer waits inside its transaction for the series row another session holds, and is
    /// killed there; then writers killed at other moments. The next number follows the last one issued.
    static func killedWriterLeavesNoGap(_ cluster: PostgresCluster) throws {
        let url = try cluster.database("crash")
        let journal = try Journal(path: url, renderer: try JournalConcurrencyTests.renderer())
        let data = try Data(contentsOf: URL(fileURLWithPath: card))
        _ = try journal.issueCard(data)
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }

        let input = Pipe()
        let holder = try cluster.session("crash", input: input, output: folder.appendingPathComponent("psql.out"))
        input.fileHandleForWriting.write(Data("BEGIN; SELECT last FROM series WHERE series = 'card' FOR UPDATE;\n".utf8))
        let writer = try writerProcess(url, folder.appendingPathComponent("held.pdf"))
        var waiting = ""
        for _ in 0..<200 where waiting != "1\n" {
            Thread.sleep(forTimeInterval: 0.05)
            waiting = try cluster.sql("crash", "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        }
        #expect(waiting == "1\n", "the writer waits for the series row inside its transaction")
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        input.fileHandleForWriting.write(Data("COMMIT;\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("held.pdf").path))

        for round in 0..<4 {
            let process = try writerProcess(url, folder.appendingPathComponent("k\(round).pdf"))
            Thread.sleep(forTimeInterval: 0.05 * Double(round + 1))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let survived = try issuedCount(journal)
        let next = try journal.issueCard(data)
        #expect(next.document.number == String(format: "ГТ-2024-%06d", survived + 1), "no number lost to a killed writer")
        #expect(try issuedCount(journal) == survived + 1)
    }

    static func writerProcess(_ url: String, _ output: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.talonBinary)
        process.arguments = ["card", "issue", card, "--journal", url, "-o", output.path]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }
}

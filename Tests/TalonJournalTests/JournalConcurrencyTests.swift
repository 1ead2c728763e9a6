import Foundation
import Testing
import TalonJournal
import TalonDocuments
import TestSupport

/// Numbers stay unique and gap-free with two `talon` processes issuing at once, and with
/// processes killed (SIGKILL) while they hold a number in an open transaction.
@Suite(.serialized) struct JournalConcurrencyTests {
    static let card = TestSupport.packageRoot.appendingPathComponent("Samples/warranty-card.uk.json").path

    static func renderer() throws -> DocumentRenderer {
        try DocumentRenderer(resources: ResourceLocator(
            templates: TestSupport.packageRoot.appendingPathComponent("Templates"),
            fontCatalogue: TestSupport.packageRoot.appendingPathComponent("Fonts/catalogue.json")))
    }

    /// The card numbers issued for 2024 (the uk sample card was sold on 2024-02-29), counted from 1 until the first missing one.
    static func issuedCount(_ journal: Journal) throws -> Int {
        var count = 0
        while try journal.document(number: String(format: "ГТ-2024-%06d", count + 1)) != nil { count += 1 }
        return count
    }

    /// A shell loop issuing `count` cards, one `talon` process each.
    static func issuer(_ count: Int, journal: String, folder: URL, tag: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "i=0; while [ $i -lt \(count) ]; do \"$0\" card issue \"$1\" --journal \"$2\" -o \"$3/\(tag)-$i.pdf\" >> \"$3/\(tag).out\" || exit 1; i=$((i+1)); done",
                             TestSupport.talonBinary, card, journal, folder.path]
        try process.run()
        return process
    }

    @Test func twoProcessesIssueUniqueGapFreeNumbers() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("talon.db").path
        let first = try Self.issuer(8, journal: path, folder: folder, tag: "a")
        let second = try Self.issuer(8, journal: path, folder: folder, tag: "b")
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let printed = try ["a", "b"].flatMap { tag in
            try String(contentsOf: folder.appendingPathComponent("\(tag).out"), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        #expect(printed.count == 16)
        #expect(Set(printed) == Set((1...16).map { String(format: "ГТ-2024-%06d", $0) }), "\(printed.sorted())")
        let journal = try Journal(path: path, renderer: try Self.renderer())
        #expect(try Self.issuedCount(journal) == 16)
    }

    /// Three processes creating the same journal at once: the one that creates the file and the
    /// ones that open it while it is switched to WAL and migrated all issue their card.
    @Test func processesCreatingOneJournalAtOnceAllSucceed() throws {
        let folder = try TestSupport.temporaryDirectory()
        for round in 0..<12 {
            let path = folder.appendingPathComponent("talon\(round).db").path
            let issuers = try (0..<3).map { try Self.issuer(1, journal: path, folder: folder, tag: "r\(round)-\($0)") }
            issuers.forEach { $0.waitUntilExit() }
            #expect(issuers.allSatisfy { $0.terminationStatus == 0 }, "round \(round)")
            let journal = try Journal(path: path, renderer: try Self.renderer())
            #expect(try Self.issuedCount(journal) == 3, "round \(round)")
        }
    }

    @Test func killedWritersLeaveNoGap() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("talon.db").path
        let journal = try Journal(path: path, renderer: try Self.renderer())
        // Processes killed at different moments: before, during or after their transaction.
        for round in 0..<8 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestSupport.talonBinary)
            process.arguments = ["card", "issue", Self.card, "--journal", path, "-o", folder.appendingPathComponent("k\(round).pdf").path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 0.04 * Double(round + 1))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let survived = try Self.issuedCount(journal)
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.card))
        let next = try journal.issueCard(data)
        #expect(next.document.number == String(format: "ГТ-2024-%06d", survived + 1), "no number lost to a killed writer")
        #expect(try Self.issuedCount(journal) == survived + 1)
    }
}

import Foundation
import Testing
import TalonJournal
import TestSupport

/// `talon card issue cards.jsonl`: cards issued in groups (one transaction per group of
/// `Journal.cardGroupSize`) keep numbers unique and gap-free with two processes at once and
/// with processes killed (SIGKILL) mid-run, and write a PDF only for a committed card.
@Suite(.serialized) struct JournalGroupIssueTests {
    /// `count` copies of the uk sample card (sold 2024-02-29) as JSON Lines.
    static func cards(_ count: Int, in folder: URL) throws -> String {
        let card = try Data(contentsOf: URL(fileURLWithPath: JournalConcurrencyTests.card))
        let line = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: card))
        let path = folder.appendingPathComponent("cards.jsonl").path
        try Data(Array(repeating: String(decoding: line, as: UTF8.self), count: count).joined(separator: "\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        return path
    }

    static func issuer(_ cards: String, journal: String, output: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.talonBinary)
        process.arguments = ["card", "issue", cards, "--journal", journal, "-o", output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The numbers of the PDFs written into `folder`.
    static func written(_ folder: URL) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".pdf") }.map { String($0.dropLast(4)) })
    }

    @Test func twoProcessesIssueGroupsWithUniqueGapFreeNumbers() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("talon.db").path
        let cards = try Self.cards(24, in: folder)
        let outputs = [folder.appendingPathComponent("a"), folder.appendingPathComponent("b")]
        let processes = try outputs.map { try Self.issuer(cards, journal: path, output: $0) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let (first, second) = (Self.written(outputs[0]), Self.written(outputs[1]))
        #expect(first.count == 24 && second.count == 24 && first.isDisjoint(with: second))
        #expect(first.union(second) == Set((1...48).map { String(format: "ГТ-2024-%06d", $0) }))
        let journal = try Journal(path: path, renderer: try JournalConcurrencyTests.renderer())
        #expect(try JournalConcurrencyTests.issuedCount(journal) == 48)
        for number in [first.min(), second.max()].compactMap({ $0 }) {
            let file = outputs[first.contains(number) ? 0 : 1].appendingPathComponent("\(number).pdf")
            #expect(try journal.reprint(number: number).bytes == Array(Data(contentsOf: file)), "\(number)")
        }
    }

    @Test func killedGroupWritersLeaveNoGapAndNoUncommittedFile() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("talon.db").path
        let journal = try Journal(path: path, renderer: try JournalConcurrencyTests.renderer())
        let cards = try Self.cards(40, in: folder)
        let output = folder.appendingPathComponent("out")
        // Processes killed at different moments: before, during or after their transactions
        // (a debug build renders the first group of 16 in about a second).
        for round in 0..<4 {
            let process = try Self.issuer(cards, journal: path, output: output)
            Thread.sleep(forTimeInterval: 0.3 + 0.6 * Double(round))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let survived = try JournalConcurrencyTests.issuedCount(journal)
        #expect(Self.written(output).isSubset(of: Set((0..<survived).map { String(format: "ГТ-2024-%06d", $0 + 1) })),
                "a PDF written for a card that was not committed")
        let next = try journal.issueCard(try Data(contentsOf: URL(fileURLWithPath: JournalConcurrencyTests.card)))
        #expect(next.document.number == String(format: "ГТ-2024-%06d", survived + 1), "no number lost to a killed writer")
    }

    @Test func anInvalidCardStopsTheRunBeforeAnyIsIssued() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("talon.db").path
        let cards = try Self.cards(3, in: folder)
        var lines = try String(contentsOfFile: cards, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: #""serial""#, with: #""serial_number""#)
        try lines.joined(separator: "\n").write(toFile: cards, atomically: true, encoding: .utf8)
        let run = try TestSupport.talon(["card", "issue", cards, "--journal", path, "-o", folder.appendingPathComponent("out").path])
        #expect(run.status == 1)
        #expect(run.stderrText.contains("cards.jsonl:2: error:") && run.stderrText.contains("$.product.serial"), "\(run.stderrText)")
        #expect(run.stdoutText.isEmpty)
        #expect(Self.written(folder.appendingPathComponent("out")).isEmpty)
        let journal = try Journal(path: path, renderer: try JournalConcurrencyTests.renderer())
        #expect(try JournalConcurrencyTests.issuedCount(journal) == 0)
    }
}

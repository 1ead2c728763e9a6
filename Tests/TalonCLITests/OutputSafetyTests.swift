import Foundation
import Testing
import TestSupport

/// Where `talon` writes: devices and FIFOs in place, standard output with its errors
/// reported, temporaries removed after signals and by later runs, one batch per folder.
@Suite struct OutputSafetyTests {
    static let card = TestSupport.packageRoot.appendingPathComponent("Samples/warranty-card.en.json").path

    /// Runs talon with standard output a pipe whose reading end is already closed.
    static func talonIntoClosedPipe(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.talonBinary)
        process.arguments = arguments
        // Closed here once the child has it, not by the handle (a second close could hit
        // a descriptor another test has opened since).
        process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        close(ends[1])
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus, message)
    }

    @Test func closedStandardOutputIsExit3WithAMessage() throws {
        let render = try Self.talonIntoClosedPipe(["render", "warranty-card", Self.card, "-o", "-"])
        #expect(render.status == 3)
        #expect(render.stderr.hasPrefix("-: error: cannot write: "))
        let schema = try Self.talonIntoClosedPipe(["schema", "invoice"])
        #expect(schema.status == 3)
        #expect(schema.stderr.hasPrefix("-: error: cannot write: "))
    }

    @Test func aFIFOIsWrittenInPlaceAndOneNobodyReadsIsRefused() throws {
        let folder = try TestSupport.temporaryDirectory()
        let fifo = folder.appendingPathComponent("out.pdf").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Nobody reads: refused at once instead of waiting forever.
        let refused = try TestSupport.talon(["render", "warranty-card", Self.card, "-o", fifo])
        #expect(refused.status == 3)
        #expect(refused.stderrText.contains("nothing reads from this FIFO"))
        // With a reader the bytes flow through, and the FIFO is still a FIFO afterwards.
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
        }
        reader.start()
        var written: TestSupport.ProcessResult?
        for _ in 0..<50 where written?.status != 0 {
            usleep(20_000)  // until the reader has opened its end
            written = try TestSupport.talon(["render", "warranty-card", Self.card, "-o", fifo])
        }
        #expect(written?.status == 0)
        while !reader.isFinished { usleep(10_000) }
        #expect(received.starts(with: Data("%PDF-".utf8)))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.pdf"])
    }

    @Test func longNamesGetTemporariesThatFit() throws {
        let folder = try TestSupport.temporaryDirectory()
        let name = String(repeating: "ж", count: 125) + ".pdf"  // 254 bytes
        let result = try TestSupport.talon(["render", "warranty-card", Self.card, "-o", folder.appendingPathComponent(name).path])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    }

    @Test func staleTemporariesOfDeadRunsAreRemoved() throws {
        let folder = try TestSupport.temporaryDirectory()
        // A process id that surely ended: a child that has been waited for.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let stale = ".card.pdf.tmp-\(dead)-abc123"
        let alive = ".card.pdf.tmp-\(getpid())-abc123"  // this test process: not stale
        let foreign = ".card.pdf.tmp-notours"
        for name in [stale, alive, foreign] {
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("x".utf8)))
        }
        let result = try TestSupport.talon(["render", "warranty-card", Self.card, "-o", folder.appendingPathComponent("card.pdf").path])
        #expect(result.status == 0)
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: folder.path)) == [alive, foreign, "card.pdf"])
    }

    /// Whenever SIGTERM or SIGINT arrives during a merged batch, no temporary is left.
    @Test(arguments: [SIGTERM, SIGINT])
    func signalsLeaveNoTemporaries(_ signalNumber: Int32) throws {
        let folder = try TestSupport.temporaryDirectory()
        let input = folder.appendingPathComponent("cards.jsonl")
        try (1...300).map { BatchCommandTests.card($0) }.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        for delay in [150_000, 400_000, 900_000] as [UInt32] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestSupport.talonBinary)
            process.arguments = ["batch", "warranty-card", input.path, "--out-dir", folder.appendingPathComponent("out").path,
                                 "--merge", folder.appendingPathComponent("merged.pdf").path, "--quiet"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, signalNumber)
            process.waitUntilExit()
            let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
            #expect(!names.contains { $0.contains(".tmp-") }, "after \(delay) µs: \(names.filter { $0.contains(".tmp-") })")
        }
    }

    @Test func twoBatchesIntoOneFolderAreRefused() throws {
        let folder = try TestSupport.temporaryDirectory()
        let lockPath = folder.appendingPathComponent(".talon-batch.lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)  // as a running batch holds it
        let input = TestSupport.packageRoot.appendingPathComponent("Samples/batch/cards.jsonl").path
        let refused = try TestSupport.talon(["batch", "warranty-card", input, "--out-dir", folder.path, "--quiet"])
        #expect(refused.status == 3)
        #expect(refused.stderrText.contains("another talon batch is writing into this folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".talon-batch.lock"])
        flock(descriptor, LOCK_UN)
        let written = try TestSupport.talon(["batch", "warranty-card", input, "--out-dir", folder.path, "--quiet"])
        #expect(written.status == 0)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: folder.path).contains(".talon-batch.lock"))
    }

    @Test func garbageOnStandardInputToBatchIsAnError() throws {
        let folder = try TestSupport.temporaryDirectory()
        let result = try TestSupport.talon(["batch", "warranty-card", "-", "--out-dir", folder.path], stdin: Data("garbage\n".utf8))
        #expect(result.status == 1)
        #expect(result.stderrText.contains("CSV header: column 'garbage' is not a field of warranty-card"))
    }

    /// A record that trapped (`abs(Int.min)` in a decimal exponent) killed the whole batch;
    /// now it is reported with its number and the others are written.
    @Test func aRecordThatUsedToTrapIsReportedAndTheRunGoesOn() throws {
        let folder = try TestSupport.temporaryDirectory()
        let sample = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Samples/invoice.en.json"), encoding: .utf8)
        let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(sample.utf8)))
        let good = String(decoding: compact, as: UTF8.self)
        let bad = good.replacingOccurrences(of: #""quantity":"0.5""#, with: #""quantity":"1e-9223372036854775808""#)
        #expect(bad != good)
        let lines = [good.replacingOccurrences(of: "INV-2025-0107", with: "A"), bad, good.replacingOccurrences(of: "RMA-2025-00107", with: "RMA-2025-00108")]
        let input = folder.appendingPathComponent("invoices.jsonl")
        try lines.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try TestSupport.talon(["batch", "invoice", input.path, "--out-dir", out.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderrText.hasPrefix("record 2 (line 2): $.claim.invoice.lines[0].quantity: "), "\(result.stderrText)")
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: out.path)) == ["RMA-2025-00107.pdf", "RMA-2025-00108.pdf"])
    }
}

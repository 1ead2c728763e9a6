import Foundation
import Testing
import TalonJournal
import TestSupport

/// One claim through every state with the built `talon`, in both locales: documents,
/// numbers, due dates, the notices received by a local SMTP server, byte-identical reprints.
@Suite(.serialized) struct ClaimLifecycleTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    struct Expected {
        var locale: String
        var diagnosisDue: String
        var repairDue: String
        var words: [String]
    }

    static let locales = [
        Expected(locale: "en", diagnosisDue: "2025-07-02", repairDue: "2025-07-25", words: ["Tomasz Kowalski", "Anna Schmidt"]),
        Expected(locale: "uk", diagnosisDue: "2025-03-12", repairDue: "2025-04-02", words: ["Олена Їжакевич", "Євген Ґудзь"]),
    ]

    /// Writes each stage section of the sample repair record to its own file.
    static func sections(_ locale: String, in folder: URL) throws -> [String: String] {
        let record = try JSONSerialization.jsonObject(
            with: Data(contentsOf: samples.appendingPathComponent("repair-record.\(locale).json"))) as? [String: Any]
        let claim = record?["claim"] as? [String: Any] ?? [:]
        var files: [String: String] = [:]
        for key in ["diagnosis", "invoice", "approval", "repair", "return"] {
            let path = folder.appendingPathComponent("\(key).json").path
            var section = claim[key] as? [String: Any] ?? [:]
            if key == "approval" { section.removeValue(forKey: "decision") }
            try JSONSerialization.data(withJSONObject: section).write(to: URL(fileURLWithPath: path))
            files[key] = path
        }
        return files
    }

    @Test(arguments: locales)
    func claimThroughEveryState(expected: Expected) throws {
        let folder = try TestSupport.temporaryDirectory()
        let journal = folder.appendingPathComponent("talon.db").path
        let environment = ["TALON_JOURNAL": journal, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        func talon(_ arguments: [String]) throws -> TestSupport.ProcessResult {
            try TestSupport.talon(arguments, environment: environment)
        }
        let files = try Self.sections(expected.locale, in: folder)
        let steps: [(arguments: [String], state: String, number: String?)] = [
            (["claim", "open", Self.samples.appendingPathComponent("rma.\(expected.locale).json").path], "received", "RMA-2025-00001"),
            (["claim", "invoice", "RMA-2025-00001", files["invoice"] ?? ""], "refused", nil),
            (["claim", "diagnose", "RMA-2025-00001", files["diagnosis"] ?? ""], "diagnosed", "RMA-2025-00001/diagnosis"),
            (["claim", "invoice", "RMA-2025-00001", files["invoice"] ?? ""], "invoice-sent", "РХ-2025-0001"),
            (["claim", "approve", "RMA-2025-00001", files["approval"] ?? ""], "approved", "РХ-2025-0001/approved"),
            (["claim", "repair", "RMA-2025-00001", files["repair"] ?? ""], "repaired", nil),
            (["claim", "return", "RMA-2025-00001", files["return"] ?? ""], "returned", "RMA-2025-00001/repair-record"),
        ]
        var issued: [String: String] = [:]
        for step in steps {
            let output = folder.appendingPathComponent("\(issued.count).pdf").path
            let result = try talon(step.arguments + ["-o", output])
            if step.state == "refused" {
                #expect(result.status == 1)
                #expect(result.stderrText.contains("claim RMA-2025-00001 is received: cannot invoice"), "\(result.stderrText)")
                #expect(!FileManager.default.fileExists(atPath: output))
                continue
            }
            #expect(result.status == 0, "\(step.arguments): \(result.stderrText)")
            let line = "RMA-2025-00001 \(step.state)" + (step.number.map { " \($0)" } ?? "")
            #expect(result.stdoutText == line + "\n")
            if let number = step.number {
                issued[number] = output
                let text = try PDFTools.text(output)
                #expect(text.contains(number.components(separatedBy: "/")[0]), "\(number) prints its number")
                #expect(expected.words.allSatisfy(text.contains) || step.state != "returned")
                #expect(try PDFTools.qpdfProblems(output) == nil)
            }
        }
        #expect(try PDFTools.text(issued["РХ-2025-0001"] ?? "").contains("РХ-2025-0001"))

        let show = try talon(["claim", "show", "RMA-2025-00001", "--today", "2025-12-31"])
        #expect(show.status == 0, "\(show.stderrText)")
        #expect(show.stdoutText.contains("RMA-2025-00001: returned (\(expected.locale))"))
        #expect(show.stdoutText.contains("diagnosis due \(expected.diagnosisDue)"), "\(show.stdoutText)")
        #expect(show.stdoutText.contains("repair due \(expected.repairDue)"), "\(show.stdoutText)")
        #expect(!show.stdoutText.contains("LATE"))
        for state in ["received", "diagnosed", "invoice-sent", "approved", "repaired", "returned"] {
            #expect(show.stdoutText.contains("  \(state) "), "history has \(state)")
        }

        for (number, original) in issued {
            let copy = folder.appendingPathComponent("reprint.pdf").path
            let result = try talon(["reprint", number, "-o", copy])
            #expect(result.status == 0, "\(number): \(result.stderrText)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(contentsOf: URL(fileURLWithPath: original)),
                    "\(number) reprints byte for byte")
        }

        // A backup a person can read, restored into a new journal that reprints the same bytes.
        let backup = folder.appendingPathComponent("backup.jsonl").path
        let copy = folder.appendingPathComponent("copy.db").path
        #expect(try talon(["journal", "export", "--jsonl", "-o", backup]).status == 0)
        #expect(try String(contentsOfFile: backup, encoding: .utf8).hasPrefix("{\"talon_journal\":\(JournalMigration.latestVersion)}\n"))
        let restored = try talon(["journal", "import", backup, "--journal", copy])
        #expect(restored.status == 0, "\(restored.stderrText)")
        let copied = folder.appendingPathComponent("copied.pdf").path
        #expect(try talon(["reprint", "РХ-2025-0001", "--journal", copy, "-o", copied]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copied)) == Data(contentsOf: URL(fileURLWithPath: issued["РХ-2025-0001"] ?? "")))
        #expect(try talon(["journal", "import", backup, "--journal", copy]).stderrText.contains("import needs an empty journal"))

        // The notices: the relay is down first, then comes back; each message arrives once.
        let down = try talon(["outbox", "send", "--smtp", "smtp://127.0.0.1:\(try SMTPSink.freePort())"])
        #expect(down.status == 1)
        #expect(down.stdoutText == "sent 0, failed 4, 4 SMS waiting for a gateway (TALON_SMS_URL)\n", "\(down.stdoutText) \(down.stderrText)")
        let sink = try SMTPSink()
        defer { sink.stop() }
        let early = try talon(["outbox", "send", "--smtp", sink.url])
        #expect(early.stdoutText == "sent 0, failed 0, 4 SMS waiting for a gateway (TALON_SMS_URL)\n", "a failed message waits for its back-off")
        let later = String(Int(Date().timeIntervalSince1970) + 3600)
        let up = try talon(["outbox", "send", "--smtp", sink.url, "--now", later])
        #expect(up.status == 0, "\(up.stderrText)")
        #expect(up.stdoutText == "sent 4, failed 0, 4 SMS waiting for a gateway (TALON_SMS_URL)\n")
        let again = try talon(["outbox", "send", "--smtp", sink.url, "--now", later])
        #expect(again.stdoutText == "sent 0, failed 0, 4 SMS waiting for a gateway (TALON_SMS_URL)\n")

        let messages = try sink.messages().map(MailPart.init)
        #expect(messages.count == 4)
        #expect(Set(messages.compactMap { $0.header("Message-ID") }).count == 4)
        let attached = Set(messages.compactMap { $0.pdfAttachment.map { SHA256.hex($0) } })
        let expectedPDFs = try ["RMA-2025-00001", "RMA-2025-00001/diagnosis", "РХ-2025-0001"].map { number in
            SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: issued[number] ?? ""))))
        }
        #expect(attached == Set(expectedPDFs), "received, diagnosis-ready and invoice carry their PDFs")
        #expect(messages.allSatisfy { $0.header("To") == (expected.locale == "en"
            ? "t.kowalski@kowalski-instalacje.example" : "olena.izhakevych@example.com") })
        #expect(messages.allSatisfy { $0.decodedParts.contains { $0.type == "text/html" } })
    }
}

import Foundation
import Testing
import TalonJournal
import TestSupport

/// Notices by SMS with the built `talon`: queued beside the e-mail when the customer has a
/// phone number, sent to a local HTTP gateway (Tests/TalonJournalTests/Sinks/sms_sink.py),
/// retried with back-off while it is down, never sent twice; a journal of the schema before
/// channels gains them on open.
@Suite(.serialized) struct SMSNoticeTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    struct Gateway: Decodable, Equatable {
        var to: String
        var text: String
        var id: String
    }

    @Test func smsThroughTheGateway() throws {
        let folder = try TestSupport.temporaryDirectory()
        let base = ["TALON_JOURNAL": folder.appendingPathComponent("talon.db").path,
                    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        func talon(_ arguments: [String], gateway: String? = nil) throws -> TestSupport.ProcessResult {
            var environment = base
            if let gateway { environment.merge(["TALON_SMS_URL": gateway, "TALON_SMS_TOKEN": "s3cret"]) { $1 } }
            return try TestSupport.talon(arguments, environment: environment)
        }
        let opened = try talon(["claim", "open", Self.samples.appendingPathComponent("rma.uk.json").path,
                                "-o", folder.appendingPathComponent("rma.pdf").path])
        #expect(opened.status == 0, "\(opened.stderrText)")
        let queued = try talon(["outbox", "list"]).stdoutText.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(queued.map { Array($0.prefix(5)) } == [["1", "pending", "0", "email", "olena.izhakevych@example.com"],
                                                        ["2", "pending", "0", "sms", "+380675550123"]])

        // The gateway is down: the SMS fails and waits; the e-mail (no relay) is not touched.
        let down = try talon(["outbox", "send"], gateway: "http://127.0.0.1:\(try SMTPSink.freePort())/v1/messages")
        #expect(down.status == 1)
        #expect(down.stdoutText == "sent 0, failed 1, 1 e-mail(s) waiting for a relay (TALON_SMTP_URL)\n", "\(down.stderrText)")
        let failed = try talon(["outbox", "list"]).stdoutText.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(failed.first?.prefix(4) == ["1", "pending", "0", "email"])
        #expect(failed.last?.prefix(4) == ["2", "pending", "1", "sms"])
        #expect(failed.last?.last?.contains("127.0.0.1") == true, "the connection error is kept: \(failed)")

        let sink = try SMSSink()
        defer { sink.stop() }
        let early = try talon(["outbox", "send"], gateway: sink.url)
        #expect(early.stdoutText.hasPrefix("sent 0, failed 0"), "a failed SMS waits for its back-off")
        let later = String(Int(Date().timeIntervalSince1970) + 3600)
        let up = try talon(["outbox", "send", "--now", later], gateway: sink.url)
        #expect(up.status == 0, "\(up.stderrText)")
        #expect(up.stdoutText.hasPrefix("sent 1, failed 0"))
        #expect(try talon(["outbox", "send", "--now", later], gateway: sink.url).stdoutText.hasPrefix("sent 0, failed 0"))

        let requests = try sink.requests()
        #expect(requests.count == 1, "sent once")
        let request = try #require(requests.first)
        #expect(request.path == "/v1/messages")
        #expect(request.header("Authorization") == "Bearer s3cret")
        #expect(request.header("Content-Type") == "application/json; charset=utf-8")
        let body = try JSONDecoder().decode(Gateway.self, from: Data(request.body.utf8))
        #expect(body.to == "+380675550123")
        #expect(body.id.hasPrefix("talon.") && body.id.hasSuffix(".received.sms@guardian-bezpeka.example"), "\(body.id)")
        #expect(request.header("Idempotency-Key") == body.id)
        let noticeData = folder.appendingPathComponent("notice.json")
        try Self.noticeData(locale: "uk").write(to: noticeData)
        let rendered = try TestSupport.talon(["render", "notice", noticeData.path, "--format", "sms", "-o", "-"])
        #expect(body.text == rendered.stdoutText.trimmingCharacters(in: .newlines), "\(rendered.stderrText)")
        #expect(body.text.hasPrefix("RMA-2025-00001 прийнято"), "\(body.text)")

        // A gateway that refuses: the status and the start of its reply become the error.
        let refusing = try SMSSink(status: 503)
        defer { refusing.stop() }
        let diagnosis = folder.appendingPathComponent("diagnosis.json")
        try Self.section("diagnosis", locale: "uk").write(to: diagnosis)
        #expect(try talon(["claim", "diagnose", "RMA-2025-00001", diagnosis.path,
                           "-o", folder.appendingPathComponent("d.pdf").path]).status == 0)
        let refused = try talon(["outbox", "send", "--now", later], gateway: refusing.url)
        #expect(refused.status == 1)
        #expect(refused.stdoutText.hasPrefix("sent 0, failed 1"))
        #expect(try talon(["outbox", "list"]).stdoutText.contains("\tHTTP 503: gateway says no second line\n"))
        #expect(try refusing.requests().count == 1)
    }

    /// The sample claim as the notice template sees it for the SMS of the received claim.
    static func noticeData(locale: String) throws -> Data {
        var record = try JSONSerialization.jsonObject(
            with: Data(contentsOf: samples.appendingPathComponent("rma.\(locale).json"))) as? [String: Any] ?? [:]
        var claim = record["claim"] as? [String: Any] ?? [:]
        claim["rma"] = "RMA-2025-00001"
        record["claim"] = claim
        record["notice"] = ["channel": "sms", "event": "received", "to": "+380675550123"]
        return try JSONSerialization.data(withJSONObject: record)
    }

    /// One stage section of the sample repair record.
    static func section(_ key: String, locale: String) throws -> Data {
        let record = try JSONSerialization.jsonObject(
            with: Data(contentsOf: samples.appendingPathComponent("repair-record.\(locale).json"))) as? [String: Any]
        return try JSONSerialization.data(withJSONObject: (record?["claim"] as? [String: Any])?[key] ?? [:])
    }

    @Test func journalBeforeChannelsGainsThem() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("old.db").path
        let channels = try #require(JournalMigration.all.first { $0.name == "channels" })
        let previous = JournalMigration.all.filter { $0.version < channels.version }
        let script = folder.appendingPathComponent("old.sql")
        try (previous.map(\.sql).joined(separator: "\n") + """
            INSERT INTO outbox(message_id, event, sender, recipient, subject, text, html)
                VALUES ('talon.1.received@example.com', 'received', 'service@example.com', 'a@example.com', 'Received', 'text', '<p>html</p>');
            PRAGMA user_version = \(channels.version - 1);
            """).write(to: script, atomically: true, encoding: .utf8)
        let made = try TestSupport.run("python3", ["-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.close()", path, script.path])
        #expect(made.status == 0, "\(made.stderrText)")
        let listed = try TestSupport.talon(["outbox", "list", "--journal", path])
        #expect(listed.status == 0, "\(listed.stderrText)")
        #expect(listed.stdoutText == "1\tpending\t0\temail\ta@example.com\tReceived\n")
        let version = try TestSupport.run("python3", ["-c", "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA user_version').fetchone()[0])", path])
        #expect(version.stdoutText == "\(JournalMigration.latestVersion)\n")
    }
}

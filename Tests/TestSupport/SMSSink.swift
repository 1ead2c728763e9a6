import Foundation

/// A local HTTP SMS gateway for tests (`Tests/TalonJournalTests/Sinks/sms_sink.py`, Python's
/// http.server) on 127.0.0.1, answering every POST with `status` and recording the requests.
public final class SMSSink {
    /// One request the gateway received.
    public struct Request: Decodable {
        public var path: String
        public var headers: [String: String]
        public var body: String

        /// A header, whatever the case of its name.
        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    public let port: Int
    private let log: URL
    private let process: Process

    /// Starts the gateway on `port` (a free one when nil) and waits until it accepts connections.
    public init(port: Int? = nil, status: Int = 200) throws {
        log = try TestSupport.temporaryDirectory().appendingPathComponent("requests.jsonl")
        self.port = try port ?? SMTPSink.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let script = TestSupport.packageRoot.appendingPathComponent("Tests/TalonJournalTests/Sinks/sms_sink.py")
        process.arguments = [script.path, String(self.port), log.path, String(status)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if SMTPSink.accepts(self.port) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the SMS sink did not start"])
    }

    public var url: String { "http://127.0.0.1:\(port)/v1/messages" }

    /// The requests received so far, in order.
    public func requests() throws -> [Request] {
        guard FileManager.default.fileExists(atPath: log.path) else { return [] }
        return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Request.self, from: Data($0.utf8))
        }
    }

    public func stop() {
        // Like aiosmtpd, the server may inherit an ignored SIGTERM, so it is killed outright.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

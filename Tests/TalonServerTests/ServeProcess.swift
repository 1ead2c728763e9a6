import Foundation
import TestSupport

/// A real `talon serve` on 127.0.0.1 (a free port) over a fresh journal, for tests from
/// outside: requests go through curl, raw sockets for slow clients.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let folder: URL
    let journal: String
    let token: String
    private(set) var port = 0
    private let lock = NSLock()
    private var errorText = ""

    init(_ options: [String] = []) throws {
        folder = try TestSupport.temporaryDirectory()
        journal = folder.appendingPathComponent("talon.db").path
        let added = try TestSupport.talon(["token", "add", "tests", "--journal", journal])
        guard added.status == 0 else { throw FixtureError("token add failed: \(added.stderrText)") }
        token = added.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        process.executableURL = URL(fileURLWithPath: TestSupport.talonBinary)
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--journal", journal] + options
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let reader = errors.fileHandleForReading
        let started = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [self] in
            var signalled = false
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                lock.lock()
                errorText += String(decoding: data, as: UTF8.self)
                let text = errorText
                lock.unlock()
                if !signalled, let range = text.range(of: #"127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                    port = Int(text[range].dropFirst("127.0.0.1:".count).dropLast()) ?? 0
                    signalled = true
                    started.signal()
                }
            }
            if !signalled { started.signal() }
        }
        guard started.wait(timeout: .now() + 30) == .success, port > 0 else {
            process.terminate()
            throw FixtureError("talon serve did not start: \(log)")
        }
    }

    /// What the server printed on standard error so far.
    var log: String {
        lock.lock()
        defer { lock.unlock() }
        return errorText
    }

    var base: String { "http://127.0.0.1:\(port)" }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    /// One request through curl; `arguments` are curl's (method, headers, data).
    func curl(_ path: String, _ arguments: [String] = [], auth: Bool = false) throws -> Reply {
        let headersFile = folder.appendingPathComponent("headers-\(UUID().uuidString)").path
        let bodyFile = folder.appendingPathComponent("body-\(UUID().uuidString)").path
        var all = ["-s", "--max-time", "30", "-D", headersFile, "-o", bodyFile] + arguments
        if auth { all += ["-H", "Authorization: Bearer \(token)"] }
        let result = try TestSupport.run("curl", all + [base + path])
        guard result.status == 0 else { throw FixtureError("curl \(path) failed (\(result.status)): \(result.stderrText)") }
        let head = (try? String(contentsOfFile: headersFile, encoding: .utf8)) ?? ""
        var status = 0
        var headers: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix("HTTP/") {
                status = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
                headers = [:]
            } else if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return Reply(status: status, headers: headers, body: (try? Data(contentsOf: URL(fileURLWithPath: bodyFile))) ?? Data())
    }

    /// Sends SIGTERM and waits for the exit status.
    func terminate() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

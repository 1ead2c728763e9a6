import Foundation

/// `talon serve` under load: the release `talon` (build it first with `make release`)
/// serves POST /api/v1/render/warranty-card to `wrk` (Debian package wrk) over 8
/// keep-alive connections, twice for 15 s; prints cards/s, p50/p99 latency and the
/// server's resident memory after each round (flat when nothing leaks) and at its peak.
func serveBenchmark() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let talon = root.appendingPathComponent(".build/release/talon").path
    guard FileManager.default.isExecutableFile(atPath: talon) else {
        print("serve: build the release talon first (make release)")
        return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-serve-benchmark-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = folder.appendingPathComponent("talon.db").path
    let token = try serveBenchmarkRun(talon, ["token", "add", "bench", "--journal", journal])
        .trimmingCharacters(in: .whitespacesAndNewlines)

    let server = Process()
    server.executableURL = URL(fileURLWithPath: talon)
    server.arguments = ["serve", "--listen", "127.0.0.1:0", "--journal", journal, "--queue", "256"]
    let errors = Pipe()
    server.standardError = errors
    try server.run()
    defer {
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
    }
    var banner = ""
    while !banner.contains("listening on") {
        let data = errors.fileHandleForReading.availableData
        if data.isEmpty { throw BenchmarkFailure("talon serve did not start") }
        banner += String(decoding: data, as: UTF8.self)
    }
    // Drain the request log so the pipe never fills.
    Thread.detachNewThread { while !errors.fileHandleForReading.availableData.isEmpty {} }
    guard let range = banner.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else {
        throw BenchmarkFailure("no port in: \(banner)")
    }
    let url = "http://\(banner[range])/api/v1/render/warranty-card"
    let card = try String(contentsOf: root.appendingPathComponent("Samples/warranty-card.en.json"), encoding: .utf8)
    let script = folder.appendingPathComponent("post.lua")
    let body = card.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\n", with: "\\n")
    try Data("""
        wrk.method = "POST"
        wrk.body = "\(body)"
        wrk.headers["Content-Type"] = "application/json"
        wrk.headers["Authorization"] = "Bearer \(token)"
        """.utf8).write(to: script)
    for round in 1...2 {
        let output = try serveBenchmarkRun("/usr/bin/wrk", ["-t2", "-c8", "-d15s", "--latency", "-s", script.path, url])
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let pick = { (prefix: String) in lines.first { $0.hasPrefix(prefix) } ?? "\(prefix) none" }
        let memory = serveBenchmarkMemory(server.processIdentifier)
        print("round \(round): \(pick("Requests/sec:")) cards/s; latency \(pick("50%")), \(pick("99%")); "
            + "\(pick("Non-2xx")) ; server RSS \(memory.resident), peak \(memory.peak)")
        print("  \(lines.first { $0.contains("requests in") } ?? "")")
    }
}

private struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

private func serveBenchmarkRun(_ program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw BenchmarkFailure("\(program) failed") }
    return String(decoding: data, as: UTF8.self)
}

/// VmRSS and VmHWM of a process, from /proc.
private func serveBenchmarkMemory(_ pid: Int32) -> (resident: String, peak: String) {
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    let value = { (key: String) in
        status.split(separator: "\n").first { $0.hasPrefix(key) }.map {
            $0.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
        } ?? "?"
    }
    return (value("VmRSS:"), value("VmHWM:"))
}

import Foundation

/// `talon serve` under load: the release `talon` (build it first with `make release`)
/// serves POST /api/v1/render/warranty-card to `wrk` (Debian package wrk) over 8
/// keep-alive connections: at least 100,000 requests ($TALON_SERVE_REQUESTS) in rounds
/// (wrk runs for a duration, so a 5 s warm-up sizes them for 5; more while short), printing
/// cards/s, p50/p99 latency and the server's resident memory after each round (flat when
/// nothing leaks) and at its peak; then the same card rendered by `talon batch` (2 jobs,
/// one PDF per record) in the same run, for the ratio of the two.
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
    server.arguments = ["serve", "--listen", "127.0.0.1:0", "--journal", journal, "--queue", "256", "--api-rate", "100000000"]
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
    let total = ProcessInfo.processInfo.environment["TALON_SERVE_REQUESTS"].flatMap(Int.init) ?? 100_000
    let rounds = 5
    let script = folder.appendingPathComponent("post.lua")
    let body = card.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\n", with: "\\n")
    try Data("""
        wrk.method = "POST"
        wrk.body = "\(body)"
        wrk.headers["Content-Type"] = "application/json"
        wrk.headers["Authorization"] = "Bearer \(token)"
        """.utf8).write(to: script)
    let wrk = { (seconds: Int) throws -> (lines: [String], requests: Int, seconds: Double) in
        let output = try serveBenchmarkRun("/usr/bin/wrk", ["-t2", "-c8", "-d\(seconds)s", "--latency", "-s", script.path, url])
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let summary = lines.first { $0.contains("requests in") } ?? ""
        // "255490 requests in 1.95m": wrk names the unit of the duration (us, ms, s, m, h).
        guard let match = summary.firstMatch(of: #/([0-9]+) requests in ([0-9.]+)(us|ms|s|m|h)/#), let count = Int(match.1),
              let time = Double(match.2) else { throw BenchmarkFailure("no summary from wrk: \(output)") }
        let units: [String: Double] = ["us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600]
        let unit = units[String(match.3)] ?? 1
        return (lines, count, time * unit)
    }
    let warmUp = try wrk(5)
    let roundSeconds = max(1, Int((Double(total) / Double(rounds) / (Double(warmUp.requests) / warmUp.seconds) * 1.1).rounded(.up)))
    print("warm-up: \(warmUp.requests) requests in \(warmUp.seconds) s; \(rounds) rounds of \(roundSeconds) s")
    var served = 0, seconds = 0.0
    var residents: [String] = []
    var round = 0
    while served < total {  // a slower machine than the warm-up said gets another round
        round += 1
        let result = try wrk(roundSeconds)
        let pick = { (prefix: String) in result.lines.first { $0.hasPrefix(prefix) } ?? "\(prefix) none" }
        let memory = serveBenchmarkMemory(server.processIdentifier)
        residents.append(memory.resident)
        served += result.requests
        seconds += result.seconds
        print("round \(round): \(result.requests) requests; \(pick("Requests/sec:")) cards/s; latency \(pick("50%")), "
            + "\(pick("99%")); \(pick("Non-2xx")); server RSS \(memory.resident), peak \(memory.peak)")
    }
    let serveRate = Double(served) / max(seconds, 0.001)
    print("serve: \(served) requests in \(String(format: "%.1f", seconds)) s = \(Int(serveRate)) cards/s; "
        + "RSS after each round: \(residents.joined(separator: ", "))")

    // The same card through `talon batch`, 2 jobs, one PDF per record.
    let records = 5_000
    let lines = String(repeating: card.replacingOccurrences(of: "\n", with: " ") + "\n", count: records)
    let input = folder.appendingPathComponent("cards.jsonl")
    try Data(lines.utf8).write(to: input)
    let start = Date()
    _ = try serveBenchmarkRun(talon, ["batch", "warranty-card", input.path, "--out-dir", folder.appendingPathComponent("out").path,
                                      "--name", "{#}.pdf", "-j", "2", "-q"])
    let batchRate = Double(records) / Date().timeIntervalSince(start)
    print("batch: \(records) cards = \(Int(batchRate)) cards/s; serve/batch = \(Int(serveRate / batchRate * 100)) %")
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

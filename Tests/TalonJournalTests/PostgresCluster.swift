import Foundation
import TestSupport

/// A throw-away PostgreSQL server for the tests: `initdb` in a temporary folder, `pg_ctl`
/// on 127.0.0.1 at a free port, trust authentication for the user `talon`. As root the
/// server runs as the `postgres` user (it refuses root), which owns the folder. `stop()`
/// stops it at once and removes the folder; call it on every path (`defer`).
final class PostgresCluster {
    let folder: URL
    let port: Int
    private let binaries: URL
    private let asUser: [String]

    /// Debian's server programs, newest version first (`/usr/lib/postgresql/<version>/bin`).
    static func binaries() throws -> URL {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        guard let version = versions.compactMap(Int.init).max() else {
            throw ClusterError("no PostgreSQL server in /usr/lib/postgresql (scripts/setup.sh --test installs postgresql)")
        }
        return root.appendingPathComponent("\(version)/bin")
    }

    init() throws {
        binaries = try Self.binaries()
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("talon-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try SMTPSink.freePort()
        if getuid() == 0 {
            asUser = ["runuser", "-u", "postgres", "--"]
            try Self.check(TestSupport.run("/bin/chown", ["postgres", folder.path]), "chown")
        } else {
            asUser = []
        }
        do {
            try run("initdb", ["-D", data, "-A", "trust", "-U", "talon", "-E", "UTF8", "--locale=C", "--no-sync"])
            try run("pg_ctl", ["-D", data, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "60",
                               "-o", "-h 127.0.0.1 -p \(port) -k \(folder.path) -c max_connections=40", "start"])
        } catch {
            stop()
            throw error
        }
    }

    private var data: String { folder.appendingPathComponent("data").path }

    /// A new empty database; its URL.
    func database(_ name: String) throws -> String {
        try run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "talon", name])
        return url(name)
    }

    func url(_ name: String) -> String { "postgres://talon@127.0.0.1:\(port)/\(name)" }

    /// Runs SQL with psql; its output.
    @discardableResult
    func sql(_ database: String, _ statement: String) throws -> String {
        try run("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "talon", "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", statement])
    }

    /// A psql session reading statements from `input` (for holding a lock).
    func session(_ database: String, input: Pipe, output: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = asUser + [binaries.appendingPathComponent("psql").path, "-h", "127.0.0.1", "-p", String(port),
                                      "-U", "talon", "-d", database, "-At"]
        process.standardInput = input
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = process.standardOutput
        try process.run()
        return process
    }

    /// Runs a server program through Python's `subprocess` with every other descriptor closed:
    /// the server started by `pg_ctl` must not keep the descriptor by which Foundation's
    /// `Process` learns that its child ended, or the wait would never return.
    @discardableResult
    private func run(_ program: String, _ arguments: [String]) throws -> String {
        let launcher = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:], close_fds=True).returncode)"
        let result = try TestSupport.run("/usr/bin/python3", ["-c", launcher] + asUser
                                         + [binaries.appendingPathComponent(program).path] + arguments)
        try Self.check(result, program)
        return result.stdoutText
    }

    private static func check(_ result: TestSupport.ProcessResult, _ what: String) throws {
        guard result.status == 0 else { throw ClusterError("\(what) failed (\(result.status)): \(result.stderrText)\(result.stdoutText)") }
    }

    /// Stops the server at once (its data is thrown away) and removes the folder.
    func stop() {
        _ = try? run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    struct ClusterError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

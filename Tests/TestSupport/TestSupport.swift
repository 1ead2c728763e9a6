import Foundation

/// Paths and process helpers shared by the test targets.
public enum TestSupport {
    /// The package root (the folder holding Package.swift), found from this file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The `talon` executable built beside the test bundle (`make test` builds it first).
    public static let talonBinary: String = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        var candidates = [bundle.appendingPathComponent("talon").path]
        // On Linux the test bundle sits in .build/<triple>/debug/, the same folder as talon.
        candidates.append(packageRoot.appendingPathComponent(".build/debug/talon").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    /// Runs the built `talon` with arguments (and optional standard input).
    public static func talon(_ arguments: [String], stdin: Data? = nil,
                             environment: [String: String]? = nil) throws -> ProcessResult {
        try run(talonBinary, arguments, stdin: stdin, environment: environment)
    }

    /// A fresh empty folder inside this test process's own scratch folder
    /// (`talon-tests-<pid>` in the system's temporary folder), which is removed with
    /// everything in it when the process exits: a run leaves nothing behind.
    public static func temporaryDirectory() throws -> URL {
        let url = scratchFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This process's scratch folder, created on first use; its removal at exit is
    /// registered then (the handler captures nothing, as a C function pointer must not).
    public static let scratchFolder: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("talon-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)  // left by an earlier process with this id
        atexit { try? FileManager.default.removeItem(at: TestSupport.scratchFolder) }
        return url
    }()

    public struct ProcessResult {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs a program (looked up on PATH when not absolute) and collects its output.
    public static func run(_ program: String, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String]? = nil) throws -> ProcessResult {
        let process = Process()
        if program.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: outData, stderr: errData)
    }

    /// True when a command-line tool is installed (tests that need it fail loudly otherwise).
    public static func hasTool(_ name: String) -> Bool {
        (try? run("which", [name]).status) == 0
    }
}

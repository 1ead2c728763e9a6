import Foundation
import TestSupport

/// The Selenium script in `Browser/` run against a served Talon: Debian's chromium and
/// chromium-driver, selenium in `.build/test-python` (`scripts/setup.sh --test` installs all).
/// The script gets its settings as a JSON file and answers with one JSON report.
struct BrowserSession {
    static let script = TestSupport.packageRoot.appendingPathComponent("Tests/TalonServerTests/Browser/browser_scenarios.py")
    static let python = TestSupport.packageRoot.appendingPathComponent(".build/test-python/bin/python3")

    /// Runs the scenarios; past `timeout` seconds the browser is stopped and the test fails
    /// (the script and everything it started share one process group, which is killed in
    /// every case, so no browser outlives the test).
    static func run(settings: [String: Any], folder: URL, timeout: TimeInterval = 300) throws -> [String: Any] {
        let settingsFile = folder.appendingPathComponent("browser-settings.json")
        try JSONSerialization.data(withJSONObject: settings).write(to: settingsFile)
        let reportFile = folder.appendingPathComponent("browser-report.json")
        let logFile = folder.appendingPathComponent("browser-log.txt")
        for file in [reportFile, logFile] { FileManager.default.createFile(atPath: file.path, contents: nil) }
        let report = try FileHandle(forWritingTo: reportFile), log = try FileHandle(forWritingTo: logFile)
        defer {
            try? report.close()
            try? log.close()
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, settingsFile.path]
        process.standardOutput = report
        process.standardError = log
        try process.run()
        let group = process.processIdentifier
        defer {
            kill(-group, SIGKILL)  // whatever chromium left behind (nothing when all went well)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            kill(group, SIGTERM)  // the script quits the browser on SIGTERM
            Thread.sleep(forTimeInterval: 5)
            kill(-group, SIGKILL)
            process.waitUntilExit()
            throw FixtureError("the browser session took longer than \(Int(timeout)) s: \(try String(contentsOf: logFile, encoding: .utf8))")
        }
        process.waitUntilExit()
        let text = try Data(contentsOf: reportFile)
        guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: text) as? [String: Any] else {
            throw FixtureError("the browser session failed (\(process.terminationStatus)): \(try String(contentsOf: logFile, encoding: .utf8))")
        }
        return object
    }
}

import Foundation
import TalonDocuments

/// A fixed CPU-bound loop (a 64-bit xorshift, 200 million steps), so that figures taken on
/// different machines can be compared as ratios to it. Printed before any benchmark runs;
/// returns its time in milliseconds.
@discardableResult
func machineYardstick() -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var sum: UInt64 = 0
    for _ in 0..<200_000_000 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        sum &+= state >> 60
    }
    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    // The sum is printed so the loop cannot be optimised away.
    print(String(format: "machine yardstick: %.1f ms (xorshift64, 200M steps, checksum %llu)", milliseconds, sum))
    return milliseconds
}

/// What one card costs as a whole process, against `talon --version`, and what each part of
/// the start-up costs in-process (resources found, renderer made, first and later cards).
/// Needs the release `talon` beside this executable: `swift build -c release --product talon`.
func startupBenchmark() throws {
    let clock = ContinuousClock()
    func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    }
    var resources: ResourceLocator?
    let discover = clock.measure { resources = try? ResourceLocator.discover() }
    guard let resources else { throw CocoaError(.fileNoSuchFile) }
    var made: DocumentRenderer?
    let make = clock.measure { made = try? DocumentRenderer(resources: resources) }
    guard let renderer = made else { throw CocoaError(.fileReadCorruptFile) }
    let root = resources.templates.deletingLastPathComponent()
    let sample = root.appendingPathComponent("Samples/warranty-card.uk.json").path
    let card = RenderRequest(template: try TemplateReference(parsing: "warranty-card"), data: FileManager.default.contents(atPath: sample),
                             dataName: "warranty-card.uk.json")
    let first = try clock.measure { _ = try renderer.render(card) }
    let second = try clock.measure { _ = try renderer.render(card) }
    print(String(format: "in-process: find resources %.2f ms, make the renderer %.2f ms, first card %.2f ms, next card %.2f ms",
                 milliseconds(discover), milliseconds(make), milliseconds(first), milliseconds(second)))

    let talon = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("talon").path
    guard FileManager.default.isExecutableFile(atPath: talon) else {
        print("whole process: skipped, no talon beside this executable (swift build -c release --product talon)")
        return
    }
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("talon-startup-\(getpid()).pdf").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    func run(_ arguments: [String], times: Int) throws -> Double {
        var total = Duration.zero
        for _ in 0..<times {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: talon)
            process.arguments = arguments
            let pipe = Pipe()  // what --version prints fits the pipe's buffer
            process.standardOutput = pipe
            total += try clock.measure {
                try process.run()
                process.waitUntilExit()
            }
            _ = pipe.fileHandleForReading.readDataToEndOfFile()
            guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        }
        return milliseconds(total) / Double(times)
    }
    let runs = 100
    _ = try run(["--version"], times: 5)
    let version = try run(["--version"], times: runs)
    let whole = try run(["render", "warranty-card", sample, "-o", output], times: runs)
    print(String(format: "whole process: talon --version %.2f ms, one card (uk sample) %.2f ms = %.2fx --version (%d runs each)",
                 version, whole, whole / version, runs))
}

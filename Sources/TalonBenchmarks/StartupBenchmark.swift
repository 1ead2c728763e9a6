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
    // A folder of its own: writing a file first clears the folder's stale temporary files, a
    // scan that in a crowded /tmp costs more than the card itself.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-startup-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let output = folder.appendingPathComponent("card.pdf").path
    let printed = folder.appendingPathComponent("stdout.txt").path
    defer { try? FileManager.default.removeItem(at: folder) }
    /// Mean wall time and mean processor time (user + system, from `wait4`) of `times` runs,
    /// spawned directly (Foundation's Process adds tens of milliseconds of its own per run);
    /// standard output goes to a temporary file. Processor time is the steadier figure on a
    /// busy machine.
    func run(_ arguments: [String], times: Int) throws -> (wall: Double, cpu: Double) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, printed, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([talon] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var wall = Duration.zero
        var cpu = 0.0
        for _ in 0..<times {
            var pid: pid_t = 0
            var status: Int32 = -1
            var usage = rusage()
            wall += clock.measure {
                if posix_spawn(&pid, talon, &actions, nil, argv, environ) == 0 { wait4(pid, &status, 0, &usage) }
            }
            guard status == 0 else { throw CocoaError(.executableLoad) }
            cpu += Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3
        }
        return (milliseconds(wall) / Double(times), cpu / Double(times))
    }
    let runs = 100
    _ = try run(["--version"], times: 5)
    let version = try run(["--version"], times: runs)
    let whole = try run(["render", "warranty-card", sample, "-o", output], times: runs)
    print(String(format: "whole process, wall: talon --version %.2f ms, one card (uk sample) %.2f ms = %.2fx --version (%d runs each)",
                 version.wall, whole.wall, whole.wall / version.wall, runs))
    print(String(format: "whole process, processor: talon --version %.2f ms, one card %.2f ms = %.2fx --version",
                 version.cpu, whole.cpu, whole.cpu / version.cpu))
}

import Foundation
import TalonDocuments
import TalonJournal

/// The claim journal: warranty cards issued (numbered, rendered, stored) by 2 processes at
/// once into one SQLite file (synchronous FULL, the default, then NORMAL), each process
/// issuing its cards in groups of `Journal.cardGroupSize` per transaction (and, for
/// comparison, one card per transaction), the file's size per 10,000 cards, and the time of
/// a reprint. `TALON_BENCH_CARDS` sets the cards per process (default 2,500).
func journalBenchmark() throws {
    print("load average before: \(loadAverage())")
    for (synchronous, group) in [(SQLiteJournalStore.Synchronous.full, Journal.cardGroupSize), (.full, 1),
                                 (.normal, Journal.cardGroupSize)] {
        try journalRace(synchronous, group: group)
    }
}

/// The 1-minute load average (`/proc/loadavg`), for the record.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
    return String(text.split(separator: " ").first ?? "?")
}

private func journalRace(_ synchronous: SQLiteJournalStore.Synchronous, group: Int) throws {
    let perProcess = Int(ProcessInfo.processInfo.environment["TALON_BENCH_CARDS"] ?? "") ?? 2500
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("talon.db").path
    let renderer = try DocumentRenderer(resources: ResourceLocator.discover())
    _ = try Journal(path: path, renderer: renderer)   // created and migrated before the race

    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = childrenCPUSeconds()
    let workers = try (0..<2).map { _ in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["journal-worker", path, String(perProcess), synchronous.rawValue, String(group)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        return (process, pipe)
    }
    let repeated = workers.map { Int(String(decoding: $0.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }.reduce(0, +)
    for (worker, _) in workers { worker.waitUntilExit() }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    guard workers.allSatisfy({ $0.0.terminationStatus == 0 }) else { throw JournalError.store("a worker failed") }

    let journal = try Journal(path: path, renderer: renderer)
    let total = 2 * perProcess
    let year = 2024   // the sale year of Samples/warranty-card.uk.json
    func number(_ counter: Int) -> String { String(format: "ГТ-%d-%06d", year, counter) }
    let cpu = childrenCPUSeconds() - cpuStart
    print(String(format: "processor time of the 2 processes: %.2f s = %.2f ms per card = %.0f cards per CPU-second "
                 + "(what 1 free core gives; the wall-clock figure below depends on the machine's load)",
                 cpu, cpu * 1000 / Double(2 * perProcess), Double(2 * perProcess) / max(cpu, 1e-9)))
    let complete = try journal.document(number: number(total)) != nil && journal.document(number: number(total + 1)) == nil
    print(String(format: "synchronous %@, %d cards per transaction: cards issued by 2 processes at once: %d in %.2f s = %.0f cards/s (numbers 1…%d, none skipped: %@; %d renders repeated; load average after: %@)",
                 synchronous.rawValue, group, total, seconds, Double(total) / seconds, total, complete ? "yes" : "NO", repeated, loadAverage()))

    let size = ["", "-wal"].reduce(0) { sum, suffix in
        sum + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
    }
    print(String(format: "journal size: %.1f MB for %d cards = %.1f MB per 10,000 cards", Double(size) / 1e6, total,
                 Double(size) / 1e6 * 10_000 / Double(total)))
    try measure("reprint of a card (render from stored data, SHA-256 checked)", iterations: 200) {
        _ = try journal.reprint(number: number(total / 2))
    }
}

/// User and system processor time of the child processes that ended so far.
private func childrenCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// One issuing process of `journalBenchmark`: `journal-worker <journal> <cards> FULL|NORMAL <group>`.
func journalWorker(_ arguments: [String]) throws {
    guard arguments.count == 4, let count = Int(arguments[1]), let group = Int(arguments[3]),
          let synchronous = SQLiteJournalStore.Synchronous(rawValue: arguments[2]) else {
        throw JournalError.store("usage: journal-worker <journal> <cards> FULL|NORMAL <cards per transaction>")
    }
    let resources = try ResourceLocator.discover()
    let store = try SQLiteJournalStore(path: arguments[0], synchronous: synchronous)
    let journal = Journal(store: store, renderer: try DocumentRenderer(resources: resources))
    let data = try Data(contentsOf: resources.templates.deletingLastPathComponent()
        .appendingPathComponent("Samples/warranty-card.uk.json"))
    try journal.issueCards(Array(repeating: (name: "warranty-card.uk.json", data: data), count: count),
                           groupSize: group) { _ in }
    print(journal.cardRendersRepeated)
}

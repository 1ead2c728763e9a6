import Foundation
import TalonDocuments
import TalonJournal
import TalonPrimitives
import Warranty

/// Scale-out figures. `shards`: one print run of `TALON_BENCH_CARDS` cards (default 400)
/// rendered as 1, 2 and 4 shards, each shard a separate process with one job (as on
/// separate machines), all at once on this machine. `journal-inserts`: numbered documents
/// recorded (number taken, document and card rows inserted, no rendering) by 2 processes at
/// once into SQLite (synchronous FULL) and, when `TALON_BENCH_POSTGRES` names an empty
/// database (`postgres://…`), into PostgreSQL.
func shardsBenchmark() throws {
    let count = Int(ProcessInfo.processInfo.environment["TALON_BENCH_CARDS"] ?? "") ?? 400
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-shards-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("cards.jsonl")
    try Data(batchBenchmarkCards(count).utf8).write(to: input)
    print("load average before: \(loadAverage()); \(ProcessInfo.processInfo.activeProcessorCount) cores")
    for shards in [1, 2, 4] {
        let start = DispatchTime.now().uptimeNanoseconds
        let workers = try (0..<shards).map { index in
            try worker(["shard-worker", input.path, folder.appendingPathComponent("out-\(shards)").path, "\(index)/\(shards)"])
        }
        for worker in workers { worker.waitUntilExit() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard workers.allSatisfy({ $0.terminationStatus == 0 }) else { throw JournalError.store("a shard failed") }
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out-\(shards)").path)
            .filter { $0.hasSuffix(".pdf") }.count
        print(String(format: "%d shard%@ as processes (1 job each): %d cards in %.2f s = %.0f cards/s (load average after: %@)",
                     shards, shards == 1 ? "" : "s", written, seconds, Double(written) / seconds, loadAverage()))
    }
}

/// `shard-worker <input> <out-dir> I/N`: one shard with one job.
func shardWorker(_ arguments: [String]) throws {
    let parts = arguments.count == 3 ? arguments[2].split(separator: "/").compactMap { Int($0) } : []
    guard parts.count == 2 else { throw JournalError.store("usage: shard-worker <input> <out-dir> I/N") }
    var batch = BatchRenderer(renderer: try DocumentRenderer(resources: ResourceLocator.discover()),
                              template: .builtIn(.warrantyCard), jobs: 1)
    batch.selection = try BatchSelection(shard: parts[0], of: parts[1])
    _ = try batch.run(BatchReader(path: arguments[0]), to: BatchDestination(
        directory: URL(fileURLWithPath: arguments[1]), naming: .defaultPattern(for: .warrantyCard)))
}

func journalInsertsBenchmark() throws {
    let perProcess = Int(ProcessInfo.processInfo.environment["TALON_BENCH_INSERTS"] ?? "") ?? 1000
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-inserts-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var locations = [("SQLite (WAL, synchronous FULL)", folder.appendingPathComponent("talon.db").path)]
    if let url = ProcessInfo.processInfo.environment["TALON_BENCH_POSTGRES"] { locations.append(("PostgreSQL", url)) }
    else { print("PostgreSQL: skipped (set TALON_BENCH_POSTGRES=postgres://… naming an empty database)") }
    let renderer = try DocumentRenderer(resources: ResourceLocator.discover())
    for (name, location) in locations {
        _ = try Journal(path: location, renderer: renderer)   // created and migrated before the race
        let start = DispatchTime.now().uptimeNanoseconds
        let workers = try (0..<2).map { index in try worker(["insert-worker", location, String(perProcess), String(index)]) }
        for worker in workers { worker.waitUntilExit() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard workers.allSatisfy({ $0.terminationStatus == 0 }) else { throw JournalError.store("a writer failed") }
        let journal = try Journal(path: location, renderer: renderer)
        let total = 2 * perProcess
        let complete = try journal.document(number: String(format: "ГТ-2030-%06d", total)) != nil
            && journal.document(number: String(format: "ГТ-2030-%06d", total + 1)) == nil
        print(String(format: "%@: %d numbered documents recorded by 2 processes at once in %.2f s = %.0f inserts/s (numbers 1…%d, none skipped: %@; load average after: %@)",
                     name, total, seconds, Double(total) / seconds, total, complete ? "yes" : "NO", loadAverage()))
    }
}

/// `insert-worker <journal> <count> <writer>`: numbered document rows without rendering.
func insertWorker(_ arguments: [String]) throws {
    guard arguments.count == 3, let count = Int(arguments[1]) else { throw JournalError.store("usage: insert-worker <journal> <count> <writer>") }
    let journal = try Journal(path: arguments[0], renderer: try DocumentRenderer(resources: ResourceLocator.discover()))
    let set = TemplateSet(files: ["uk/bench.mustache": Array("writer \(arguments[2])".utf8)])
    let data = Data(String(repeating: "{\"card\":{}} ", count: 80).utf8)
    let date = try CalendarDate(year: 2030, month: 1, day: 2)
    for _ in 0..<count {
        try journal.store.write { (transaction) throws(JournalError) in
            let number = try transaction.takeNumber(.card, year: 2030)
            try transaction.storeTemplateSet(set)
            try transaction.insertDocument(IssuedDocument(number: number, kind: .warrantyCard, locale: .uk, rma: nil, date: date,
                                                          templateHash: set.hash, dataHash: "d", pdfHash: "p", pageCount: 2),
                                           data: data)
            try transaction.insertCard(number: number, serial: "SN", saleDate: date)
        }
    }
}

/// This executable again, as one worker process.
private func worker(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = arguments
    try process.run()
    return process
}

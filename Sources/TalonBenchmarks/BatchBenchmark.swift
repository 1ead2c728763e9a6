import Foundation
import TalonDocuments

/// `talon batch` throughput: 10,000 warranty cards from a JSON Lines file (generated,
/// deterministic) rendered with 2 jobs into a temporary folder; then where one card's
/// time goes, single-threaded. Prints cards/s, peak memory (VmHWM) and the core count.
func batchBenchmark() throws {
    let count = 10_000
    // $TALON_BENCH_DIR chooses the file system (e.g. /dev/shm to leave out ext4's cost of
    // creating 10,000 files); the default is the temporary folder.
    let base = ProcessInfo.processInfo.environment["TALON_BENCH_DIR"].map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory
    let folder = base.appendingPathComponent("talon-batch-benchmark-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("cards.jsonl")
    try Data(batchBenchmarkCards(count).utf8).write(to: input)

    let renderer = try DocumentRenderer(resources: ResourceLocator.discover())
    let batch = BatchRenderer(renderer: renderer, template: .builtIn(.warrantyCard), jobs: 2)
    let output = folder.appendingPathComponent("out")
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = batchCPUSeconds()
    let summary = try batch.run(BatchReader(path: input.path),
                                to: BatchDestination(directory: output, naming: .defaultPattern(for: .warrantyCard)))
    let seconds = batchSeconds(clock.now - start)
    print("batch: \(summary.records) cards, \(summary.rendered) written, \(summary.failed) failed in "
        + "\(String(format: "%.2f", seconds)) s = \(Int(Double(summary.rendered) / seconds)) cards/s "
        + "(2 jobs, \(ProcessInfo.processInfo.activeProcessorCount) cores, files in \(base.path))")
    let cpuEnd = batchCPUSeconds()
    let user = cpuEnd.user - cpuStart.user, system = cpuEnd.system - cpuStart.system, cpu = user + system
    let msPerCard = { (seconds: Double) in String(format: "%.3f", seconds * 1000 / Double(max(1, summary.records))) }
    print("CPU time: \(String(format: "%.2f", cpu)) s = \(msPerCard(cpu)) ms per card (user \(msPerCard(user)), "
        + "system \(msPerCard(system))); \(Int(Double(summary.records) / cpu)) cards per CPU-second")
    print("note: for a few minutes after many files were deleted on ext4 (say, by the previous run of this "
        + "benchmark), creating files costs the kernel several times more (see \"system\"): wait 5 minutes between runs")
    print("peak memory (VmHWM): \(batchPeakMemory())")

    // One thread: layout (validation, Mustache, markup, layout) against painting.
    let sample = (try BatchReader(bytes: Array(batchBenchmarkCards(200).utf8), format: .jsonLines))
    var records: [Data] = []
    while let record = try sample.next() {
        if case .success(let value) = record.value { records.append(Data(value.serialized(pretty: false).utf8)) }
    }
    var layoutTime = Duration.zero, paintTime = Duration.zero, bytes = 0
    for data in records {
        let request = RenderRequest(template: .builtIn(.warrantyCard), data: data)
        let t0 = clock.now
        let list = try renderer.displayList(for: request)
        let t1 = clock.now
        bytes += try renderer.paint(list).count
        paintTime += clock.now - t1
        layoutTime += t1 - t0
    }
    let perCard = { (time: Duration) in String(format: "%.3f ms", batchSeconds(time) * 1000 / Double(records.count)) }
    print("one card, one thread: data→display list \(perCard(layoutTime)), paint \(perCard(paintTime)), "
        + "\(bytes / max(1, records.count)) bytes")

    // The batch's own work per record: reading and parsing the line, writing it back as JSON.
    let readStart = clock.now
    let reader = try BatchReader(path: input.path)
    var serialized = 0
    while let record = try reader.next() {
        if case .success(let value) = record.value { serialized += value.serialized(pretty: false).utf8.count }
    }
    print("reading + parsing + re-serialising a record: "
        + String(format: "%.3f ms", batchSeconds(clock.now - readStart) * 1000 / Double(count)) + " (\(serialized / count) bytes)")

    // Merging a print run of 1,000 cards into one PDF.
    let mergeStart = clock.now
    let merged = try batch.run(BatchReader(bytes: Array(batchBenchmarkCards(1_000).utf8), format: .jsonLines),
                               to: BatchDestination(directory: nil, naming: .defaultPattern(for: .warrantyCard),
                                                    mergedFile: folder.appendingPathComponent("run.pdf")))
    let mergeSeconds = batchSeconds(clock.now - mergeStart)
    let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("run.pdf").path)[.size] as? Int) ?? 0
    print("merge: 1,000 cards → \(merged.mergedPages ?? 0) pages, \(size / 1024) KiB in \(String(format: "%.2f", mergeSeconds)) s; "
        + "peak memory now \(batchPeakMemory())")
}

/// `count` warranty cards as JSON Lines, alternating English and Ukrainian.
func batchBenchmarkCards(_ count: Int) -> String {
    var text = ""
    for index in 1...count {
        let number = String(format: "%06d", index)
        if index % 2 == 0 {
            text += #"{"locale":"uk","card":{"number":"ГТ-2025-\#(number)"},"seller":{"company":"ТОВ «Ґардіан Безпека»","address":"вул. Євгена Коновальця, 32, м. Київ","phone":"+380 44 390 12 34"},"product":{"model":"IPC-B48-V","serial":"B48V\#(number)","name":"Вулична IP-камера 8 Мп","warranty_months":36},"sale":{"date":"2024-02-29"},"buyer":{"name":"Олена Їжакевич","phone":"+380 67 555 01 11"}}"#
        } else {
            text += #"{"locale":"en","card":{"number":"WC-2025-\#(number)"},"seller":{"company":"Northgate Security Supply Ltd","address":"14 Harbour Road, Gdynia","phone":"+48 58 123 45 67"},"product":{"model":"IPC-T54-Z28","serial":"T54Z\#(number)","name":"4 MP turret IP camera","warranty_months":36},"sale":{"date":"2024-02-29"},"buyer":{"name":"Margaret O'Neill","phone":"+380 67 555 00 10"}}"#
        }
        text += "\n"
    }
    return text
}

func batchSeconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The process's peak resident memory from /proc/self/status.
func batchPeakMemory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
    let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    return "\(kilobytes / 1024) MiB"
}

/// User and system CPU time of the process so far.
func batchCPUSeconds() -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
            Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
}

// Release-mode benchmarks: `swift run -c release TalonBenchmarks [name...]`.
// Each entry prints its own figures; with no names every benchmark runs.
import Foundation

let benchmarks: [(name: String, run: () throws -> Void)] = [
    ("barcode", barcodeBenchmark),
    ("markup", markupBenchmark),
    ("image", imageBenchmark),
    ("warranty", warrantyBenchmark),
    ("layout", layoutBenchmark),
    ("mustache", mustacheBenchmark),
    ("pdf", pdfBenchmark),
    ("paint", paintBenchmark),
    ("pipeline", pipelineBenchmark),
    ("card", cardBenchmark),
    ("startup", startupBenchmark),
    ("service-documents", serviceDocumentsBenchmark),
    ("batch", batchBenchmark),
    ("archive", archiveBenchmark),
    ("journal", journalBenchmark),
    ("shards", shardsBenchmark),
    ("journal-inserts", journalInsertsBenchmark),
    ("serve", serveBenchmark),
]

// The journal and scale benchmarks run this executable again as their worker processes.
let workers: [String: ([String]) throws -> Void] = [
    "journal-worker": journalWorker, "shard-worker": shardWorker, "insert-worker": insertWorker,
]
if let name = CommandLine.arguments.dropFirst().first, let work = workers[name] {
    do {
        try work(Array(CommandLine.arguments.dropFirst(2)))
        exit(0)
    } catch {
        print("\(name) failed: \(error)")
        exit(1)
    }
}

let wanted = Set(CommandLine.arguments.dropFirst())
// Figures from different machines compare as ratios to this.
machineYardstick()
for benchmark in benchmarks where wanted.isEmpty || wanted.contains(benchmark.name) {
    print("== \(benchmark.name)")
    do {
        try benchmark.run()
    } catch {
        print("\(benchmark.name) failed: \(error)")
        exit(1)
    }
}

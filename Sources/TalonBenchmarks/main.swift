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
    ("serve", serveBenchmark),
]

// The journal benchmark runs this executable twice more as its issuing processes.
if CommandLine.arguments.dropFirst().first == "journal-worker" {
    do {
        try journalWorker(Array(CommandLine.arguments.dropFirst(2)))
        exit(0)
    } catch {
        print("journal-worker failed: \(error)")
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

import Foundation
import Markup

/// Parses a 2,000-row invoice-like table (~200 KB of markup) and a text-heavy document, and
/// prints the median parse time and throughput of each.
func markupBenchmark() throws {
    var table = "---\npage: A4\n---\n# Parts\n\n| № | Part | Serial | Qty | Price | Sum |\n|---:|:--- 1fr|---|---:|---:|---:|\n"
    for row in 1...2_000 {
        let part = MarkupEscaper.escape("Камера IP-\(row) (4 MP), кабель 2 м | set #\(row % 7)")
        table += "| \(row) | **\(part)** | SN-\(row * 7919) | \(row % 5 + 1) | \(row).00 | \(row * 2).50 |\n"
    }
    var prose = "# Terms\n\n"
    for clause in 1...1_500 {
        prose += "\(clause). The product is *not covered* if __seals__ are missing, \\#\(clause) @br see **clause \(clause)**.\n"
    }
    for (name, text) in [("table 2000 rows", table), ("prose 1500 items", prose)] {
        var times: [Double] = []
        var blocks = 0
        for _ in 0..<30 {
            let start = DispatchTime.now().uptimeNanoseconds
            let document = try MarkupParser.parse(text, file: "bench.talon")
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            blocks = document.blocks.count
        }
        times.sort()
        let median = times[times.count / 2]
        let kilobytes = Double(text.utf8.count) / 1024
        print(String(format: "%@: %.0f KB, %d blocks, median %.2f ms (min %.2f), %.0f MB/s",
                     name, kilobytes, blocks, median, times[0], kilobytes / 1024 / (median / 1000)))
    }
}

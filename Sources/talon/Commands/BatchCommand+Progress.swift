import Foundation
import TalonDocuments

/// Progress of `talon batch` on standard error: failed records as they are reached, a
/// progress line redrawn in place (`\r`, at most ten times a second) when standard error
/// is a terminal, and a summary line at the end. No colour is used, so `NO_COLOR` holds.
///
/// `@unchecked Sendable`: `BatchRenderer` calls `show` one call at a time, and `finish`
/// runs after the batch has returned; nothing else touches the state.
final class BatchProgressDisplay: @unchecked Sendable {
    let showsProgress: Bool
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var drawnWidth = 0

    init(showsProgress: Bool) {
        self.showsProgress = showsProgress
    }

    func show(_ event: BatchEvent, _ progress: BatchProgress) {
        switch event {
        case .failed(let failure):
            clearLine()
            printStandardError(failure.description + "\n")
        case .rendered(_, _, _, let warnings, _, _) where !warnings.isEmpty:
            clearLine()
            printStandardError(warnings.joined(separator: "\n") + "\n")
        default:
            break
        }
        guard showsProgress else { return }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < .milliseconds(100) { return }
        lastDraw = now
        let seconds = Self.seconds(now - start)
        var line = "\(progress.done) done"
        if progress.failed > 0 { line += ", \(progress.failed) failed" }
        if seconds > 0 { line += ", \(Int((Double(progress.done) / seconds).rounded()))/s" }
        if let fraction = progress.fractionRead, fraction > 0.01, seconds > 0.5 {
            let left = seconds * (1 - fraction) / fraction
            line += ", about \(Self.duration(left)) left"
        }
        clearLine()
        printStandardError(line)
        drawnWidth = line.count
    }

    func finish(_ summary: BatchSummary, mergedFile: String?, quiet: Bool) {
        clearLine()
        guard !quiet else { return }
        let seconds = Self.seconds(ContinuousClock.now - start)
        let rate = seconds > 0 ? Int((Double(summary.records) / seconds).rounded()) : summary.records
        var text = "\(summary.records) document\(summary.records == 1 ? "" : "s"): \(summary.rendered) written, "
            + "\(summary.failed) failed in \(String(format: "%.2f", seconds)) s (\(rate)/s)"
        if summary.skipped > 0 { text += "; \(summary.skipped) skipped (another shard's or written before)" }
        if let mergedFile, let pages = summary.mergedPages {
            text += "; \(pages) page\(pages == 1 ? "" : "s") merged into \(mergedFile)"
        }
        printStandardError(text + "\n")
    }

    private func clearLine() {
        guard drawnWidth > 0 else { return }
        printStandardError("\r" + String(repeating: " ", count: drawnWidth) + "\r")
        drawnWidth = 0
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? "\(Int(seconds.rounded(.up))) s" : "\(Int((seconds / 60).rounded(.up))) min"
    }
}

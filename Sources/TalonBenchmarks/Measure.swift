import Foundation

/// Runs `body` `iterations` times and prints the total and the time per run, in
/// milliseconds or microseconds.
func measure(_ label: String, iterations: Int, perRunIn unit: MeasureUnit = .milliseconds,
             _ body: () throws -> Void) rethrows {
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<iterations { try body() }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let each = seconds / Double(iterations)
    let perRun = switch unit {
    case .milliseconds: String(format: "%.2f ms", each * 1e3)
    case .microseconds: String(format: "%.1f µs", each * 1e6)
    }
    print("\(label): \(iterations) in \(String(format: "%.3f", seconds)) s, \(perRun) each")
}

enum MeasureUnit { case milliseconds, microseconds }

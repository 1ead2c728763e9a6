import Foundation
import Layout

/// Decodes 1000 × 1000 PNGs (photo-like plasma, made with ImageMagick `convert` at run
/// time) and validates a JPEG of the same picture; prints the median time of each.
func imageBenchmark() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-image-benchmark-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("plasma.miff").path
    let variants: [(file: String, options: [String])] = [
        ("rgb.png", ["-depth", "8", "-define", "png:color-type=2"]),
        ("rgb16.png", ["-define", "png:color-type=2", "-define", "png:bit-depth=16"]),
        ("rgb-adam7.png", ["-depth", "8", "-define", "png:color-type=2", "-interlace", "PNG"]),
        ("rgba16.png", ["-alpha", "set", "-channel", "A", "-evaluate", "set", "60%", "+channel",
                        "-define", "png:color-type=6", "-define", "png:bit-depth=16"]),
        ("photo.jpg", ["-quality", "90"]),
    ]
    guard convert(["-seed", "7", "-size", "1000x1000", "plasma:", source]) else {
        print("image benchmark needs ImageMagick `convert` on PATH")
        return
    }
    for variant in variants {
        let path = folder.appendingPathComponent(variant.file).path
        guard convert([source] + variant.options + [path]) else { throw CocoaError(.fileWriteUnknown) }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var times: [Duration] = []
        var image: ImageResource?
        for _ in 0..<9 {
            let clock = ContinuousClock()
            let start = clock.now
            image = try ImageDecoder.decode(bytes: bytes, name: variant.file)
            times.append(clock.now - start)
        }
        times.sort()
        let median = times[times.count / 2]
        let milliseconds = Double(median.components.attoseconds) / 1e15 + Double(median.components.seconds) * 1000
        let size = image.map { "\($0.pixelWidth)×\($0.pixelHeight)" } ?? "?"
        print("\(variant.file): \(bytes.count) bytes, \(size), median \(String(format: "%.2f", milliseconds)) ms")
    }
}

private func convert(_ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["convert"] + arguments
    do {
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    } catch {
        return false
    }
}

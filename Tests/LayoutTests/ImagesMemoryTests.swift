import Foundation
import Testing
import TestSupport
@testable import Layout

/// Big photos are held small, and only regular files are read.
@Suite struct ImagesMemoryTests {
    /// A gray PNG whose left half is 0 and right half 200.
    static func halves(width: Int, height: Int) -> [UInt8] {
        let row: [UInt8] = [0] + (0..<width).map { $0 < width / 2 ? 0 : 200 }
        return PNGBuilder.png(width: UInt32(width), height: UInt32(height), depth: 8, colorType: 0,
                              rows: Array(repeating: row, count: height))
    }

    @Test func aLoadedPNGOverTheHeldLimitIsAveragedDown() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("big.png").path
        try Data(Self.halves(width: 100, height: 60)).write(to: URL(fileURLWithPath: path))
        let limits = ImageLimits(maxBytes: 1 << 20, maxPixels: 1 << 20, maxHeldPixels: 1000)
        let image = try ImageDecoder.load(path: path, limits: limits)
        // Factor 2 leaves 50 × 30 = 1500 pixels; factor 3 leaves 34 × 20.
        #expect(image.pixelWidth == 34 && image.pixelHeight == 20)
        guard case .raw(let components, let bytes) = image.pixels else { Issue.record("expected raw pixels"); return }
        #expect(components == 1)
        let firstRow = Array(bytes[0..<34])
        // Columns 48-50 average 0, 0 and 200 → 67; the last block holds column 99 only.
        #expect(firstRow[0] == 0 && firstRow[16] == 67 && firstRow[17] == 200 && firstRow[33] == 200)
        // Within the limit nothing changes.
        let small = try ImageDecoder.load(path: path, limits: ImageLimits(maxBytes: 1 << 20, maxPixels: 1 << 20, maxHeldPixels: 6000))
        #expect(small.pixelWidth == 100 && small.pixelHeight == 60)
        #expect(ImageLimits.default.maxHeldPixels == 4_000_000)
    }

    @Test func onlyRegularFilesAreRead() throws {
        let folder = try TestSupport.temporaryDirectory()
        let fifo = folder.appendingPathComponent("photo.png").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Would block forever in open() before the type check.
        #expect(throws: ImageError.unreadable(file: fifo, reason: "not a regular file")) { try ImageDecoder.load(path: fifo) }
        #expect(throws: ImageError.unreadable(file: folder.path, reason: "not a regular file")) { try ImageDecoder.inspect(path: folder.path) }
        let png = folder.appendingPathComponent("ok.png").path
        try Data(Self.halves(width: 8, height: 4)).write(to: URL(fileURLWithPath: png))
        #expect(try ImageDecoder.inspect(path: png) == (width: 8, height: 4))
    }
}

import Foundation
import Testing
@testable import Layout

@Suite struct ImagesDecodingTests {
    /// Fixture, expected output components, and the largest difference allowed from
    /// ImageMagick: 1 where alpha is composited (rounding), and for 16-bit samples, which
    /// ImageMagick rounds half down at exact ties (0x8000 → 127) where Talon, like
    /// libpng's `png_set_scale_16`, rounds half up (→ 128).
    static let pngFixtures: [(name: String, components: Int, tolerance: Int)] = [
        ("gray1.png", 1, 0), ("gray2.png", 1, 0), ("gray4.png", 1, 0), ("gray8.png", 1, 0), ("gray16.png", 1, 1),
        ("gray1-adam7.png", 1, 0), ("gray8-trns.png", 1, 0),
        ("rgb8.png", 3, 0), ("rgb16.png", 3, 1), ("rgb8-stored.png", 3, 0), ("rgb8-fixed.png", 3, 0),
        ("rgb8-adam7.png", 3, 0), ("rgb8-trns.png", 3, 0),
        ("indexed1.png", 3, 0), ("indexed2.png", 3, 0), ("indexed4.png", 3, 0), ("indexed8.png", 3, 0),
        ("indexed4-adam7.png", 3, 0), ("indexed-trns.png", 3, 1), ("indexed-gray.png", 1, 0),
        ("graya8.png", 1, 1), ("graya16.png", 1, 1),
        ("rgba8.png", 3, 1), ("rgba16.png", 3, 1), ("rgba16-adam7.png", 3, 1),
    ]

    @Test(arguments: pngFixtures.map { $0.name })
    func decodesPNGLikeImageMagick(name: String) throws {
        guard let fixture = Self.pngFixtures.first(where: { $0.name == name }) else { return }
        let image = try ImageDecoder.load(path: ImageFixtures.path(name))
        #expect(image.pixelWidth == 13 && image.pixelHeight == 11)
        guard case .raw(let components, let bytes) = image.pixels else {
            Issue.record("\(name) decoded to \(image.pixels), expected raw pixels")
            return
        }
        #expect(components == fixture.components)
        guard let reference = try ImageFixtures.reference(name, components: components) else { return }
        #expect(bytes.count == reference.count)
        let worst = zip(bytes, reference).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= fixture.tolerance, "\(name): a sample differs from ImageMagick by \(worst)")
    }

    @Test(arguments: [("tiny1x1-adam7.png", 1, 1, 3), ("tiny3x2-adam7.png", 3, 2, 1), ("tiny6x5-adam7.png", 6, 5, 3)])
    func decodesInterlacedImagesWithEmptyPasses(name: String, width: Int, height: Int, components: Int) throws {
        let image = try ImageDecoder.load(path: ImageFixtures.path(name))
        #expect(image.pixelWidth == width && image.pixelHeight == height)
        guard let reference = try ImageFixtures.reference(name, components: components) else { return }
        guard case .raw(components, let bytes) = image.pixels else {
            Issue.record("\(name) decoded to \(image.pixels)")
            return
        }
        let worst = zip(bytes, reference).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(bytes.count == reference.count && worst <= 1, "\(name): differs from ImageMagick by \(worst)")
    }

    @Test func fixturesCoverFiltersAndInterlacing() throws {
        // The fixtures must really exercise what the decoding test claims to cover.
        var filters = Set<UInt8>()
        for name in ["gray8.png", "rgb8.png", "rgb16.png", "rgb8-fixed.png", "rgba8.png", "indexed8.png"] {
            let png = try PNGFile(bytes: ImageFixtures.bytes(name), file: name, limits: .default)
            let raw = try png.inflatedImageData(file: name)
            let stride = png.header.rowBytes(width: png.header.width) + 1
            for row in 0..<png.header.height { filters.insert(raw[row * stride]) }
        }
        // ImageMagick's adaptive filtering picks None, Sub and Paeth here; Up and Average
        // are covered by `undoesEveryFilterType`.
        #expect(filters.isSuperset(of: [0, 1, 4]))
        let adam7 = try PNGFile(bytes: ImageFixtures.bytes("rgb8-adam7.png"), file: "a", limits: .default)
        #expect(adam7.header.interlaced && adam7.header.passes.count == 7)
    }

    @Test func knownPixelsOfEveryGrayDepth() throws {
        // 4 × 1 gray images: black, dark, light, white at each depth.
        let cases: [(depth: UInt8, row: [UInt8])] = [
            (1, [0b1001_0000]), (2, [0b0001_1011]), (4, [0x05, 0xAF]), (8, [0, 85, 170, 255]),
            (16, [0, 0, 0x55, 0x55, 0xAA, 0xAA, 0xFF, 0xFF]),
        ]
        let expected: [UInt8: [UInt8]] = [1: [255, 0, 0, 255], 2: [0, 85, 170, 255], 4: [0, 85, 170, 255],
                                          8: [0, 85, 170, 255], 16: [0, 85, 170, 255]]
        for (depth, row) in cases {
            let png = PNGBuilder.png(width: 4, height: 1, depth: depth, colorType: 0, rows: [[0] + row])
            let image = try ImageDecoder.decode(bytes: png, name: "g\(depth).png")
            #expect(image.pixels == .raw(components: 1, bytes: expected[depth] ?? []), "depth \(depth)")
        }
    }

    @Test func alphaIsCompositedOntoWhite() throws {
        // RGBA: opaque red, transparent blue, half-transparent black.
        let rgba = PNGBuilder.png(width: 3, height: 1, depth: 8, colorType: 6,
                                  rows: [[0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 0, 128]])
        let image = try ImageDecoder.decode(bytes: rgba, name: "a.png")
        #expect(image.pixels == .raw(components: 3, bytes: [255, 0, 0, 255, 255, 255, 127, 127, 127]))
        // 16-bit gray + alpha: gray 0x8000 at alpha 0xFFFF, then anything at alpha 0.
        let grayAlpha = PNGBuilder.png(width: 2, height: 1, depth: 16, colorType: 4,
                                       rows: [[0, 0x80, 0x00, 0xFF, 0xFF, 0x12, 0x34, 0, 0]])
        #expect(try ImageDecoder.decode(bytes: grayAlpha, name: "ga.png").pixels == .raw(components: 1, bytes: [128, 255]))
    }

    @Test func paletteBecomesRGBOrGrayWithTransparency() throws {
        let palette = PNGBuilder.chunk("PLTE", [255, 0, 0, 0, 0, 255, 10, 10, 10])
        let alpha = PNGBuilder.chunk("tRNS", [255, 0])  // entry 1 transparent, entry 2 opaque by default
        let colored = PNGBuilder.png(width: 3, height: 1, depth: 2, colorType: 3, beforeData: [palette, alpha],
                                     rows: [[0, 0b0001_1000]])
        #expect(try ImageDecoder.decode(bytes: colored, name: "p.png").pixels
                == .raw(components: 3, bytes: [255, 0, 0, 255, 255, 255, 10, 10, 10]))
        let grayPalette = PNGBuilder.chunk("PLTE", [0, 0, 0, 200, 200, 200])
        let gray = PNGBuilder.png(width: 2, height: 1, depth: 8, colorType: 3, beforeData: [grayPalette], rows: [[0, 1, 0]])
        #expect(try ImageDecoder.decode(bytes: gray, name: "g.png").pixels == .raw(components: 1, bytes: [200, 0]))
    }

    @Test func transparentColorKeyBecomesWhite() throws {
        let key = PNGBuilder.chunk("tRNS", [0, 1, 0, 2, 0, 3])
        let png = PNGBuilder.png(width: 2, height: 1, depth: 8, colorType: 2, beforeData: [key], rows: [[0, 1, 2, 3, 1, 2, 4]])
        #expect(try ImageDecoder.decode(bytes: png, name: "k.png").pixels
                == .raw(components: 3, bytes: [255, 255, 255, 1, 2, 4]))
    }

    @Test func undoesEveryFilterType() throws {
        // A 2 × 3 RGB image, the same pixels stored with filters Sub, Up, Average and Paeth.
        let pixels: [[UInt8]] = [[10, 20, 30, 40, 50, 60], [15, 25, 35, 200, 100, 0], [0, 0, 0, 255, 255, 255]]
        let rows: [[UInt8]] = [
            [1, 10, 20, 30, 30, 30, 30],                     // Sub
            [2, 5, 5, 5, 160, 50, 196],                      // Up
            [3, 249, 244, 239, 155, 205, 255],               // Average of left and up
        ]
        let image = try ImageDecoder.decode(bytes: PNGBuilder.png(width: 2, height: 3, depth: 8, colorType: 2, rows: rows),
                                            name: "f.png")
        #expect(image.pixels == .raw(components: 3, bytes: pixels.flatMap { $0 }))
        let paeth: [[UInt8]] = [[4, 10, 20, 30, 30, 30, 30], [4, 5, 5, 5, 160, 50, 196]]
        let second = try ImageDecoder.decode(bytes: PNGBuilder.png(width: 2, height: 2, depth: 8, colorType: 2, rows: paeth),
                                             name: "p.png")
        #expect(second.pixels == .raw(components: 3, bytes: pixels[0] + pixels[1]))
    }

    @Test(arguments: [("rgb-baseline.jpg", 3), ("gray-baseline.jpg", 1), ("rgb-progressive.jpg", 3)])
    func acceptsJPEGAsIs(name: String, components: Int) throws {
        let bytes = try ImageFixtures.bytes(name)
        let image = try ImageDecoder.load(path: ImageFixtures.path(name))
        #expect(image == ImageResource(pixelWidth: 13, pixelHeight: 11, pixels: .jpeg(bytes: bytes, components: components)))
        // Bytes after EOI are dropped.
        let padded = try ImageDecoder.decode(bytes: bytes + [0, 1, 2], name: name)
        #expect(padded.pixels == .jpeg(bytes: bytes, components: components))
    }
}

import Foundation
import Testing
@testable import Layout

/// Malformed files are refused with an `ImageError` naming the file, never a crash.
@Suite struct ImagesCorruptionTests {
    static let smallPNG: [UInt8] = PNGBuilder.png(width: 3, height: 2, depth: 8, colorType: 2,
                                                  rows: [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [2, 1, 1, 1, 1, 1, 1, 1, 1, 1]])

    @Test func everyPrefixOfAPNGIsAnError() throws {
        for fixture in ["rgb8.png", "indexed4-adam7.png"] {
            let bytes = try ImageFixtures.bytes(fixture)
            for length in 0..<bytes.count {
                #expect(throws: ImageError.self, "prefix of \(length) bytes of \(fixture)") {
                    try ImageDecoder.decode(bytes: Array(bytes[0..<length]), name: fixture)
                }
            }
            #expect(throws: Never.self) { try ImageDecoder.decode(bytes: bytes, name: fixture) }
        }
    }

    @Test func truncationMessagesSayWhatIsMissing() throws {
        let bytes = try ImageFixtures.bytes("rgb8.png")
        guard let data = PNGBuilder.chunks(bytes).first(where: { $0.type == "IDAT" }) else {
            Issue.record("fixture has no IDAT")
            return
        }
        let cut = Array(bytes[0..<(data.offset + 8 + 20)])
        let error = ImageError.truncatedPNG(file: "photo.png", detail: "chunk IDAT declares \(data.length) bytes, 20 remain")
        #expect(throws: error) { try ImageDecoder.decode(bytes: cut, name: "photo.png") }
        #expect(error.description == "photo.png: truncated PNG: chunk IDAT declares \(data.length) bytes, 20 remain")
        let withoutEnd = Array(bytes[0..<(bytes.count - 12)])
        #expect(throws: ImageError.truncatedPNG(file: "a.png", detail: "no IEND chunk")) {
            try ImageDecoder.decode(bytes: withoutEnd, name: "a.png")
        }
    }

    @Test func flippedBytesFailTheCRC() throws {
        let bytes = try ImageFixtures.bytes("rgb8.png")
        // Flip one bit in each byte of IHDR's data and CRC: always a CRC mismatch in IHDR.
        for offset in 16..<33 {
            var copy = bytes
            copy[offset] ^= 0x10
            #expect(throws: ImageError.crcMismatch(file: "photo.png", chunk: "IHDR")) {
                try ImageDecoder.decode(bytes: copy, name: "photo.png")
            }
        }
        #expect(ImageError.crcMismatch(file: "photo.png", chunk: "IHDR").description == "photo.png: CRC mismatch in chunk IHDR")
        var payload = bytes
        guard let data = PNGBuilder.chunks(bytes).first(where: { $0.type == "IDAT" }) else { return }
        payload[data.offset + 8 + data.length / 2] ^= 0xFF
        #expect(throws: ImageError.crcMismatch(file: "x.png", chunk: "IDAT")) { try ImageDecoder.decode(bytes: payload, name: "x.png") }
    }

    @Test func corruptZlibDataWithValidCRCsReachesInflate() throws {
        let bytes = try ImageFixtures.bytes("rgb8.png")
        guard let data = PNGBuilder.chunks(bytes).first(where: { $0.type == "IDAT" }) else { return }
        var reasons = Set<String>()
        for position in stride(from: data.offset + 8, to: data.offset + 8 + data.length, by: 3) {
            var copy = bytes
            copy[position] ^= 0x5A
            copy = PNGBuilder.fixingCRCs(copy)
            do {
                _ = try ImageDecoder.decode(bytes: copy, name: "z.png")
                Issue.record("corrupting IDAT byte \(position) went unnoticed")
            } catch .corruptDeflate(let file, let reason) {
                #expect(file == "z.png")
                reasons.insert(reason)
            } catch {
                // A flipped filter-type byte in a stored-looking spot may surface as invalid PNG.
                guard case .invalidPNG = error else { Issue.record("unexpected \(error)"); continue }
            }
        }
        #expect(reasons.count >= 3, "inflate failures seen: \(reasons)")
        #expect(reasons.contains("invalid deflate data or Adler-32 mismatch"))
    }

    /// A 3 × 1 gray PNG (4 bytes of image data: the filter byte and three samples) whose
    /// IDAT holds `zlib`, CRCs correct, so only the zlib stream can be wrong.
    static func grayPNG(zlib: [UInt8], width: UInt32 = 3, height: UInt32 = 1) -> [UInt8] {
        PNGFile.signature + PNGBuilder.header(width: width, height: height, depth: 8, colorType: 0)
            + PNGBuilder.chunk("IDAT", zlib) + PNGBuilder.chunk("IEND", [])
    }

    /// Raw deflate bits in a zlib header and the Adler-32 of `expected`.
    static func zlib(_ deflate: [UInt8], expected: [UInt8] = []) -> [UInt8] {
        [0x78, 0x01] + deflate + PNGBuilder.bigEndian(PNGBuilder.adler32(expected))
    }

    @Test func inflateRefusesBadStreamsWithLocatedErrors() throws {
        func expectCorrupt(_ zlib: [UInt8], _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(throws: ImageError.corruptDeflate(file: "d.png", reason: reason), sourceLocation: sourceLocation) {
                try ImageDecoder.decode(bytes: Self.grayPNG(zlib: zlib), name: "d.png")
            }
        }
        let invalid = "invalid deflate data or Adler-32 mismatch"
        // Fixed block: literal 'a' then a match of distance code 30 (invalid).
        var bad = DeflateBitWriter()
        bad.write(1, bits: 1); bad.write(1, bits: 2)
        bad.fixedSymbol(97); bad.fixedSymbol(257); bad.writeCode(30, length: 5)
        expectCorrupt(Self.zlib(bad.bytes), invalid)
        // A match before any output.
        var early = DeflateBitWriter()
        early.write(1, bits: 1); early.write(1, bits: 2)
        early.fixedSymbol(257); early.writeCode(0, length: 5); early.fixedSymbol(256)
        expectCorrupt(Self.zlib(early.bytes), invalid)
        // Dynamic block whose code length code is over-subscribed (three codes of length 1).
        var dynamic = DeflateBitWriter()
        dynamic.write(1, bits: 1); dynamic.write(2, bits: 2)
        dynamic.write(0, bits: 5); dynamic.write(0, bits: 5); dynamic.write(0, bits: 4)
        for _ in 0..<3 { dynamic.write(1, bits: 3) }
        dynamic.write(0, bits: 3)
        expectCorrupt(Self.zlib(dynamic.bytes), invalid)
        // Stored block whose length and complement disagree.
        expectCorrupt(Self.zlib([1, 4, 0, 0, 0, 0, 1, 2, 3]), invalid)
        // Valid data with a wrong checksum, then with the right one.
        var good = DeflateBitWriter()
        good.write(1, bits: 1); good.write(1, bits: 2)
        for sample: Int in [0, 10, 20, 30] { good.fixedSymbol(sample) }
        good.fixedSymbol(256)
        expectCorrupt(Self.zlib(good.bytes, expected: [0, 10, 20, 31]), invalid)
        let image = try ImageDecoder.decode(bytes: Self.grayPNG(zlib: Self.zlib(good.bytes, expected: [0, 10, 20, 30])), name: "d.png")
        #expect(image.pixels == .raw(components: 1, bytes: [10, 20, 30]))
        // The zlib header's own faults are named.
        expectCorrupt([0x78], "zlib header missing")
        expectCorrupt([0x79, 0x01] + good.bytes, "compression method 9, not deflate")
        expectCorrupt([0x88, 0x01] + good.bytes, "window size above 32 KiB")
        expectCorrupt([0x78, 0x02] + good.bytes, "bad zlib header check bits")
        expectCorrupt([0x78, 0xBB] + good.bytes, "preset dictionary not allowed")
        #expect(ImageError.corruptDeflate(file: "d.png", reason: invalid).description
                == "d.png: corrupt deflate data (invalid deflate data or Adler-32 mismatch)")
    }

    /// The header fixes the size of the image data: a stream one row short or one row long
    /// is refused, and one far too short to hold the image is refused before any buffer of
    /// that size exists.
    @Test func imageDataOfTheWrongSizeIsRefused() throws {
        let row: [UInt8] = [0, 1, 2, 3]
        for (height, rows, reason) in [(2, 1, "image data is 4 bytes, expected 8"), (2, 3, "more data than the image needs (8 bytes)"),
                                       (1, 0, "image data is 0 bytes, expected 4")] {
            let png = Self.grayPNG(zlib: PNGBuilder.zlibStored(Array(repeating: row, count: rows).flatMap { $0 }), height: UInt32(height))
            #expect(throws: ImageError.corruptDeflate(file: "s.png", reason: reason)) { try ImageDecoder.decode(bytes: png, name: "s.png") }
        }
        // Interlaced, the size counts each pass's rows with their filter bytes: 3 × 2 gray has
        // passes of 1 × 1, 1 × 1, 1 × 1 and 3 × 1 pixels, 10 bytes where the plain image has 8.
        let adam7 = PNGFile.signature + PNGBuilder.header(width: 3, height: 2, depth: 8, colorType: 0, interlace: 1)
            + PNGBuilder.chunk("IDAT", PNGBuilder.zlibStored(row + row)) + PNGBuilder.chunk("IEND", [])
        #expect(throws: ImageError.corruptDeflate(file: "i.png", reason: "image data is 8 bytes, expected 10")) {
            try ImageDecoder.decode(bytes: adam7, name: "i.png")
        }
        // 6000 × 6000 RGBA at 16 bits is within the pixel limit but needs 288,006,000 bytes.
        let bomb = PNGFile.signature + PNGBuilder.header(width: 6000, height: 6000, depth: 16, colorType: 6)
            + PNGBuilder.chunk("IDAT", PNGBuilder.zlibStored([0, 0, 0])) + PNGBuilder.chunk("IEND", [])
        #expect(throws: ImageError.corruptDeflate(file: "b.png", reason: "14 bytes of zlib data cannot hold the 288006000 bytes the image needs")) {
            try ImageDecoder.decode(bytes: bomb, name: "b.png")
        }
    }

    @Test func rejectsBadHeadersAndStructure() throws {
        let sig = PNGFile.signature
        let idat = PNGBuilder.chunk("IDAT", PNGBuilder.zlibStored([0, 0]))
        let end = PNGBuilder.chunk("IEND", [])
        let headerOnly = sig + PNGBuilder.header(width: 1, height: 1, depth: 8, colorType: 0)
        #expect(throws: ImageError.truncatedPNG(file: "h.png", detail: "no IEND chunk")) {
            try ImageDecoder.decode(bytes: headerOnly, name: "h.png")
        }
        #expect(throws: ImageError.invalidPNG(file: "h.png", reason: "no IDAT chunk")) {
            try ImageDecoder.decode(bytes: headerOnly + end, name: "h.png")
        }
        let cases: [([UInt8], String)] = [
            (sig + PNGBuilder.header(width: 0, height: 1, depth: 8, colorType: 0) + idat + end, "image is 0 × 1 pixels"),
            (sig + PNGBuilder.header(width: 1, height: 1, depth: 16, colorType: 3) + idat + end,
             "bit depth 16 is not allowed for color type 3"),
            (sig + PNGBuilder.header(width: 1, height: 1, depth: 8, colorType: 5) + idat + end, "unknown color type 5"),
            (sig + PNGBuilder.header(width: 1, height: 1, depth: 8, colorType: 0, interlace: 2) + idat + end,
             "unknown interlace method 2"),
            (sig + PNGBuilder.header(width: 1, height: 1, depth: 8, colorType: 3) + idat + end, "indexed image without PLTE"),
            (sig + idat + end, "first chunk is IDAT, expected IHDR"),
            (sig + PNGBuilder.header(width: 1, height: 1, depth: 8, colorType: 0) + PNGBuilder.chunk("ABCD", []) + idat + end,
             "unknown critical chunk ABCD"),
            (sig + PNGBuilder.header(width: 1, height: 1, depth: 8, colorType: 0) + idat + PNGBuilder.chunk("tEXt", [65]) + idat + end,
             "IDAT chunks are not consecutive"),
            (PNGBuilder.png(width: 1, height: 1, depth: 8, colorType: 0, rows: [[5, 0]]), "unknown filter type 5 on row 0"),
            (PNGBuilder.png(width: 2, height: 1, depth: 8, colorType: 3, beforeData: [PNGBuilder.chunk("PLTE", [1, 2, 3])],
                            rows: [[0, 0, 1]]), "palette index 1 beyond the 1 palette entries"),
        ]
        for (bytes, reason) in cases {
            #expect(throws: ImageError.invalidPNG(file: "p.png", reason: reason)) { try ImageDecoder.decode(bytes: bytes, name: "p.png") }
        }
        // Unknown ancillary chunks are skipped.
        let ancillary = sig + PNGBuilder.header(width: 1, height: 1, depth: 8, colorType: 0) + PNGBuilder.chunk("zzZz", [1]) + idat + end
        #expect(try ImageDecoder.decode(bytes: ancillary, name: "a.png").pixels == .raw(components: 1, bytes: [0]))
    }

    @Test func hugeDimensionsAreRefusedBeforeAllocating() throws {
        let png = PNGFile.signature + PNGBuilder.header(width: 20000, height: 20000, depth: 8, colorType: 6)
            + PNGBuilder.chunk("IDAT", [0x78, 0x01]) + PNGBuilder.chunk("IEND", [])
        let error = ImageError.tooManyPixels(file: "big.png", width: 20000, height: 20000, limit: 40_000_000)
        #expect(throws: error) { try ImageDecoder.decode(bytes: png, name: "big.png") }
        #expect(error.description == "big.png: 20000 × 20000 pixels exceeds the limit of 40 megapixels")
        let maximal = PNGFile.signature + PNGBuilder.header(width: 0x7FFF_FFFF, height: 0x7FFF_FFFF, depth: 16, colorType: 6)
        #expect(throws: ImageError.self) { try ImageDecoder.decode(bytes: maximal, name: "max.png") }
        let small = ImageLimits(maxBytes: 100, maxPixels: 5)
        #expect(throws: ImageError.tooManyPixels(file: "s.png", width: 3, height: 2, limit: 5)) {
            try ImageDecoder.decode(bytes: Self.smallPNG, name: "s.png", limits: small)
        }
        let tiny = ImageLimits(maxBytes: 10, maxPixels: 100)
        #expect(throws: ImageError.fileTooLarge(file: "s.png", bytes: Self.smallPNG.count, limit: 10)) {
            try ImageDecoder.decode(bytes: Self.smallPNG, name: "s.png", limits: tiny)
        }
        let jpeg = try ImageFixtures.bytes("rgb-baseline.jpg")
        #expect(throws: ImageError.tooManyPixels(file: "j.jpg", width: 13, height: 11, limit: 100)) {
            try ImageDecoder.decode(bytes: jpeg, name: "j.jpg", limits: ImageLimits(maxBytes: 1 << 20, maxPixels: 100))
        }
    }

    @Test func emptyMissingAndForeignFiles() throws {
        #expect(throws: ImageError.empty(file: "e.png")) { try ImageDecoder.decode(bytes: [], name: "e.png") }
        let gif = ImageError.notAnImage(file: "x.gif")
        #expect(throws: gif) { try ImageDecoder.decode(bytes: Array("GIF89a....".utf8), name: "x.gif") }
        #expect(gif.description == "x.gif: not a PNG or JPEG file")
        #expect(throws: ImageError.unreadable(file: "/nonexistent/a.png", reason: "no such file")) {
            try ImageDecoder.load(path: "/nonexistent/a.png")
        }
        // The size limit is checked from the file's size before reading it.
        let path = ImageFixtures.path("rgb8.png")
        let size = try ImageFixtures.bytes("rgb8.png").count
        let error = ImageError.fileTooLarge(file: path, bytes: size, limit: 100)
        #expect(throws: error) { try ImageDecoder.load(path: path, limits: ImageLimits(maxBytes: 100, maxPixels: 1000)) }
        #expect(error.description == "\(path): file of \(size) bytes exceeds the limit of 100 bytes")
        #expect(throws: ImageError.unreadable(file: ImageFixtures.directory.path, reason: "not a regular file")) {
            try ImageDecoder.load(path: ImageFixtures.directory.path)
        }
    }
}

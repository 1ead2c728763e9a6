import Foundation
import Testing
import TestSupport
@testable import Layout

/// Fixture files (generated once with ImageMagick `convert`, see Fixtures/Images/generate.sh)
/// and ImageMagick's own decoding of them as the reference.
enum ImageFixtures {
    static let directory = TestSupport.packageRoot.appendingPathComponent("Tests/LayoutTests/Fixtures/Images")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// ImageMagick's pixels for a fixture, composited onto white, 8 bits per sample,
    /// `components` 1 (gray) or 3 (RGB). Records a clear failure when `convert` is missing.
    static func reference(_ name: String, components: Int) throws -> [UInt8]? {
        guard TestSupport.hasTool("convert") else {
            Issue.record("ImageMagick `convert` is not installed; it is needed to compare decoded pixels")
            return nil
        }
        let format = components == 1 ? "gray:-" : "rgb:-"
        let result = try TestSupport.run("convert", [
            path(name), "-background", "white", "-alpha", "remove", "-alpha", "off", "-depth", "8", format])
        guard result.status == 0 else {
            Issue.record("convert failed on \(name): \(result.stderrText)")
            return nil
        }
        return [UInt8](result.stdout)
    }
}

/// Builds PNG files byte by byte, for inputs ImageMagick will not write.
enum PNGBuilder {
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let body = typeBytes + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(CRC32.checksum(body, 0..<body.count))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func header(width: UInt32, height: UInt32, depth: UInt8, colorType: UInt8, interlace: UInt8 = 0) -> [UInt8] {
        chunk("IHDR", bigEndian(width) + bigEndian(height) + [depth, colorType, 0, 0, interlace])
    }

    /// A zlib stream of stored (uncompressed) blocks holding `raw`.
    static func zlibStored(_ raw: [UInt8], blockSize: Int = 65535) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + blockSize, raw.count)
            let length = UInt16(end - start)
            out.append(end == raw.count ? 1 : 0)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += raw[start..<end]
            start = end
        } while start < raw.count
        return out + bigEndian(adler32(raw))
    }

    /// The zlib trailer's checksum (RFC 1950), computed the plain way.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// A complete PNG: IHDR, `beforeData` chunks, one IDAT of `rows` (each starting with
    /// its filter-type byte) stored uncompressed, IEND.
    static func png(width: UInt32, height: UInt32, depth: UInt8, colorType: UInt8, interlace: UInt8 = 0,
                    beforeData: [[UInt8]] = [], rows: [[UInt8]]) -> [UInt8] {
        PNGFile.signature + header(width: width, height: height, depth: depth, colorType: colorType, interlace: interlace)
            + beforeData.flatMap { $0 } + chunk("IDAT", zlibStored(rows.flatMap { $0 })) + chunk("IEND", [])
    }

    /// The chunks of a PNG as (offset of the length field, type, data length).
    static func chunks(_ png: [UInt8]) -> [(offset: Int, type: String, length: Int)] {
        var result: [(Int, String, Int)] = []
        var offset = 8
        while offset + 8 <= png.count {
            let length = PNGFile.readUInt32(png[...], at: offset)
            result.append((offset, String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self), length))
            offset += 12 + length
        }
        return result
    }

    /// Recomputes the CRC of every chunk, so a change to chunk data reaches the decoder
    /// past the CRC check.
    static func fixingCRCs(_ png: [UInt8]) -> [UInt8] {
        var png = png
        for chunk in chunks(png) where chunk.offset + 12 + chunk.length <= png.count {
            let crc = bigEndian(CRC32.checksum(png, (chunk.offset + 4)..<(chunk.offset + 8 + chunk.length)))
            png.replaceSubrange((chunk.offset + 8 + chunk.length)..<(chunk.offset + 12 + chunk.length), with: crc)
        }
        return png
    }
}

/// Writes deflate bits least significant first, Huffman codes most significant first.
struct DeflateBitWriter {
    var bytes: [UInt8] = []
    var bitCount = 0

    mutating func write(_ value: Int, bits: Int) {
        for bit in 0..<bits { push((value >> bit) & 1) }
    }

    mutating func writeCode(_ code: Int, length: Int) {
        for bit in stride(from: length - 1, through: 0, by: -1) { push((code >> bit) & 1) }
    }

    private mutating func push(_ bit: Int) {
        if bitCount % 8 == 0 { bytes.append(0) }
        bytes[bytes.count - 1] |= UInt8(bit << (bitCount % 8))
        bitCount += 1
    }

    /// A fixed-Huffman literal/length symbol (RFC 1951 §3.2.6).
    mutating func fixedSymbol(_ symbol: Int) {
        switch symbol {
        case 0..<144: writeCode(0x30 + symbol, length: 8)
        case 144..<256: writeCode(0x190 + symbol - 144, length: 9)
        case 256..<280: writeCode(symbol - 256, length: 7)
        default: writeCode(0xC0 + symbol - 280, length: 8)
        }
    }
}

import Foundation
import Testing
@testable import Layout

/// A font program for a face drawn with single-byte codes: a symbolic font whose cmap maps
/// the codes (0xF000 + code, a (3,0) subtable), with the same outlines as the Unicode one.
@Suite struct FontSubsetterSymbolicTests {
    struct Program {
        let bytes: [UInt8]
        func u16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        func u32(_ at: Int) -> Int { u16(at) << 16 | u16(at + 2) }

        var tables: [String: Int] {
            var result: [String: Int] = [:]
            for index in 0..<u16(4) {
                let record = 12 + index * 16
                result[String(decoding: bytes[record..<record + 4], as: UTF8.self)] = u32(record + 8)
            }
            return result
        }

        /// (platform, encoding) of each cmap subtable and the glyph of `code` in the first,
        /// a format 4 subtable (every idRangeOffset 0, as the subsetter writes).
        func cmap(_ code: Int) -> (subtables: [[Int]], glyph: Int?) {
            let cmap = tables["cmap"] ?? 0
            let subtables = (0..<u16(cmap + 2)).map { [u16(cmap + 4 + $0 * 8), u16(cmap + 6 + $0 * 8)] }
            let table = cmap + u32(cmap + 8), segments = u16(table + 6) / 2
            for segment in 0..<segments {
                let end = u16(table + 14 + segment * 2), start = u16(table + 16 + segments * 2 + segment * 2)
                let delta = u16(table + 16 + segments * 4 + segment * 2)
                if (start...end).contains(code) { return (subtables, (code + delta) & 0xFFFF) }
            }
            return (subtables, nil)
        }

        /// The advance of glyph `id` in the program's units (every glyph has a long metric).
        func advance(_ id: Int) -> Int { u16((tables["hmtx"] ?? 0) + id * 4) }
        var unitsPerEm: Int { u16((tables["head"] ?? 0) + 18) }

        /// The `glyf` bytes of glyph `id`.
        func glyph(_ id: Int) -> ArraySlice<UInt8> {
            let tables = tables, loca = tables["loca"] ?? 0, glyf = tables["glyf"] ?? 0
            let long = u16((tables["head"] ?? 0) + 50) == 1
            let start = long ? u32(loca + id * 4) : u16(loca + id * 2) * 2
            let end = long ? u32(loca + id * 4 + 4) : u16(loca + id * 2 + 2) * 2
            return bytes[(glyf + start)..<(glyf + end)]
        }
    }

    @Test func symbolicProgramMapsTheCodesToTheSameOutlines() throws {
        let font = try TrueTypeFont(contentsOf: FontSubsetterScaleTests.faces[1])
        let scalars = Array("Гарантія № 2025 Warranty".unicodeScalars)
        // Codes in another order than the characters, as a frequency-ordered table gives.
        var codes: [UInt32: UInt8] = [:]
        for (index, scalar) in Set(scalars.map(\.value)).sorted(by: >).enumerated() { codes[scalar] = UInt8(0x21 + index) }
        let unicode = Program(bytes: try font.pdfSubset(scalars: scalars, postScriptName: "T", programUnitsPerEm: 256).program)
        let files = try font.pdfSubset(scalars: scalars, postScriptName: "T", programUnitsPerEm: 256, symbolicCodes: codes)
        let symbolic = Program(bytes: files.program)
        #expect(unicode.cmap(0x410).subtables == [[3, 1]])
        #expect(symbolic.cmap(0xF021).subtables == [[3, 0]])
        for scalar in scalars {
            let code = try #require(codes[scalar.value])
            let glyph = try #require(symbolic.cmap(0xF000 + Int(code)).glyph)
            #expect(glyph == Set(codes.values).filter { $0 < code }.count + 1)  // glyphs in the order of their codes
            #expect(symbolic.glyph(glyph) == unicode.glyph(try #require(unicode.cmap(Int(scalar.value)).glyph)))
            #expect(symbolic.cmap(Int(scalar.value)).glyph == nil)  // no Unicode mapping
        }
        // Codes in one run make one segment (and the closing 0xFFFF one).
        #expect(symbolic.u16(symbolic.tables["cmap"]! + symbolic.u32(symbolic.tables["cmap"]! + 8) + 6) == 4)
        // The metrics file libharu reads still maps Unicode.
        let metrics = try TrueTypeFont(bytes: files.metrics)
        for scalar in scalars { #expect(metrics.glyph(for: scalar) != nil) }
        #expect(throws: FontError.self) {
            try font.pdfSubset(scalars: scalars, postScriptName: "T", symbolicCodes: codes.filter { $0.key != 0x413 })  // no code for "Г"
        }
    }

    /// A validator scales the program's advances to 1/1000 em and compares them with
    /// /Widths (the metrics file's widths): they differ by at most 500 / units per em, so
    /// by less than one unit from 512 units on (what PDF/A allows, ISO 19005-3 6.2.11.5).
    @Test(arguments: [144, 512, 1000])
    func programAdvancesFollowTheWidths(_ units: Int) throws {
        let font = try TrueTypeFont(contentsOf: FontSubsetterScaleTests.faces[1])
        let scalars = Array("Гарантія № 2025 Warranty, їжак ЁЖ —«»".unicodeScalars)
        let files = try font.pdfSubset(scalars: scalars, postScriptName: "T", programUnitsPerEm: units)
        let program = Program(bytes: files.program), metrics = try TrueTypeFont(bytes: files.metrics)
        #expect(program.unitsPerEm == units)
        for scalar in scalars {
            let glyph = try #require(program.cmap(Int(scalar.value)).glyph)
            let width = Double(metrics.width(of: scalar))
            let scaled = Double(program.advance(glyph) * 1000) / Double(units)
            #expect(abs(scaled - width) <= 500 / Double(units), "\(scalar): \(scaled) for \(width)")
            if units >= 512 { #expect(abs(scaled - width) <= 1) }
        }
    }
}

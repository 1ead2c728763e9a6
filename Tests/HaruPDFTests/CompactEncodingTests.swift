import Foundation
import Testing
import Layout
@testable import HaruPDF

@Suite struct CompactEncodingTests {
    static func scalars(_ text: String) -> Set<UInt32> { Set(text.unicodeScalars.map(\.value)) }

    @Test func asciiKeepsItsCodesAndOthersTakeUnusedOnes() throws {
        let table = try #require(CompactEncoding(Self.scalars("Warranty Гарантія ї№«»—")))
        for scalar in "Warranty ".unicodeScalars { #expect(table.codes[scalar.value] == UInt8(scalar.value)) }
        let codes = Self.scalars("Гарантія ї№«»—").subtracting(Self.scalars(" ")).compactMap { table.codes[$0] }
        #expect(codes.count == 12)
        #expect(Set(codes).count == codes.count, "each character has its own code")
        #expect(codes.allSatisfy { !Self.scalars("Warranty ").contains(UInt32($0)) })
        for (scalar, code) in table.codes { #expect(table.unicodes[Int(code)] == UInt16(scalar)) }
    }

    @Test func frequentCharactersGetCodesThatNeedNoEscape() throws {
        // 120 other characters: more than the unescaped ASCII codes left, so some must escape.
        let cyrillic = (0x0410...0x0487).map(UInt32.init)
        var frequency: [UInt32: Int] = [:]
        frequency[0x0487] = 50  // the last one is the most frequent
        let table = try #require(CompactEncoding(Set(cyrillic + Self.scalars("abc")), frequency: CharacterCounts(frequency)))
        let code = try #require(table.codes[0x0487])
        #expect(!CompactEncoding.needsEscape(code))
        #expect(cyrillic.contains { table.codes[$0].map(CompactEncoding.needsEscape) == true })
        // Ties go by scalar value: the lowest scalars take the other cheap codes, and codes
        // rise with the scalar within the cheap and within the escaped codes.
        #expect(table.codes[0x0410].map(CompactEncoding.needsEscape) == false)
        #expect(table.codes[0x0486].map(CompactEncoding.needsEscape) == true)
        let cheap = cyrillic.filter { table.codes[$0].map(CompactEncoding.needsEscape) == false }
        #expect(cheap.map { table.codes[$0] ?? 0 } == cheap.map { table.codes[$0] ?? 0 }.sorted())
        #expect(cheap.contains(0x0487) && !cheap.contains(0x0486))
    }

    @Test func tablesHoldAtMost224Characters() {
        let fits = Set((0x0400..<(0x0400 + 224 - 1)).map(UInt32.init) + [0x20])
        #expect(CompactEncoding(fits) != nil)
        #expect(CompactEncoding(fits.union([0x0500, 0x0501])) == nil)
        #expect(CompactEncoding(Self.scalars("a\u{7}")) == nil, "control characters need UTF-8")
        #expect(CompactEncoding([0x1F600]) == nil)
    }

    @Test func facesShareATableWhileTheyFit() throws {
        let uk = Array("Гарантійний талон № 17 ok".unicodeScalars)
        let plan = TextEncoding.plan(faces: [uk, Array("Bold їжак".unicodeScalars), Array("ń ✓ →".unicodeScalars)])
        #expect(plan.tables.count == 1)
        #expect(plan.encodings.map(\.encoderName) == ["CP1250", "CP1250", "CP1250"])
        // A face with more than 224 characters cannot share, nor fit alone; the next face
        // starts a new group.
        let wide = (0x0400..<0x0500).compactMap(Unicode.Scalar.init)
        let split = TextEncoding.plan(faces: [uk, wide, Array("abc".unicodeScalars)])
        #expect(split.encodings.map(\.encoderName) == ["CP1250", "UTF-8", "CP1251"])
        #expect(split.tables.count == 2)
        // Only a face's own characters are encodable.
        if case .singleByte(_, _, let codes) = plan.encodings[2] {
            #expect(codes.count == 4)  // ń, space, ✓, →
        } else {
            Issue.record("single-byte expected")
        }
        var bytes: [UInt8] = []
        if case .failure(let missing) = plan.encodings[2].encode("ńo", into: &bytes) {
            #expect(missing.scalars == ["o"])
        } else {
            Issue.record("o has no code")
        }
        let count = try #require(try? plan.encodings[2].encode("→ ń", into: &bytes).get())
        #expect(count == 3 && bytes.count >= 3)
    }

    @Test func mixedScriptsStaySingleByteAndExtractExactly() throws {
        let line = "Łódź — Київ № 5 → ✓ ŵ"
        let list = Fixtures.list(pages: [[Fixtures.text(line, x: 20, y: 500, size: 8)]])
        let pdf = try PDFPainter.render(list)
        let fonts = try PDFInspection.fonts(pdf)
        #expect(fonts.map(\.type) == ["TrueType"])
        #expect(fonts.allSatisfy { $0.unicode })  // a ToUnicode map, not glyph names alone
        let (text, warnings) = try PDFInspection.text(pdf)
        #expect(warnings == "")
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters)) == line)
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
    }

    /// A face drawing more than 224 characters still falls back to libharu's UTF-8 mode,
    /// with text that extracts exactly.
    @Test func moreThan224CharactersUseUTF8Mode() throws {
        let font = Fixtures.regularFont
        let scalars = (0x0400...0x04FF).compactMap(Unicode.Scalar.init).filter { font.glyph(for: $0) != nil }
        #expect(scalars.count > 224)
        let lines = stride(from: 0, to: scalars.count, by: 40).map { start in
            String(String.UnicodeScalarView(scalars[start..<min(start + 40, scalars.count)]))
        }
        let ops = lines.enumerated().map { Fixtures.text($1, x: 20, y: 560 - Double($0) * 14, size: 8) }
        let pdf = try PDFPainter.render(Fixtures.list(pages: [ops]))
        #expect(try PDFInspection.fonts(pdf).map(\.type) == ["CID TrueType"])
        // Its 128 KB /CIDToGIDMap and its ToUnicode CMap are deflated like every stream.
        #expect(pdf.count < 30_000, "\(pdf.count) bytes")
        let (text, warnings) = try PDFInspection.text(pdf)
        #expect(warnings == "")
        let extracted = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces.union(.controlCharacters)) }.filter { !$0.isEmpty }
        #expect(extracted == lines)
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
        // The glyphs drawn are the right ones: a line at the bottom prints the same ink in
        // UTF-8 mode as alone in a single-byte encoding.
        let probe = Fixtures.text("ЇїЁё№Ґ", x: 40, y: 20, size: 14)
        let wide = try PDFPainter.render(Fixtures.list(pages: [[probe] + ops]))
        let narrow = try PDFPainter.render(Fixtures.list(pages: [[probe]]))
        #expect(try PDFInspection.fonts(narrow).map(\.type) == ["TrueType"])
        let wideInk = try PDFInspection.ink(wide, x: 70, y: 1090, size: 150)
        let narrowInk = try PDFInspection.ink(narrow, x: 70, y: 1090, size: 150)
        #expect(narrowInk > 100 && abs(wideInk - narrowInk) <= narrowInk / 50, "\(wideInk) vs \(narrowInk)")
    }
}

extension CompactEncodingTests {
    /// Faces that fit a table alone but not together get a table each, and both paint.
    @Test func twoSingleByteGroupsPaint() throws {
        // 96 + 128 characters beyond ASCII: each face fits a table alone, not both together.
        let cyrillic = String(String.UnicodeScalarView((0x0400..<0x0460).compactMap(Unicode.Scalar.init)))
        let latin = String(String.UnicodeScalarView((0x0100..<0x0180).compactMap(Unicode.Scalar.init)))
        let list = Fixtures.list(pages: [[
            Fixtures.text(cyrillic + "0123456789", x: 20, y: 500, font: 0, size: 4),
            Fixtures.text(latin + "abc", x: 20, y: 400, font: 1, size: 4),
        ]], fonts: [Fixtures.regularFont, Fixtures.boldFont])
        let plan = TextEncoding.plan(faces: list.fonts.map(\.usedScalars))
        #expect(plan.tables.count == 2)
        let pdf = try PDFPainter.render(list)
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
        let (text, warnings) = try PDFInspection.text(pdf)
        #expect(warnings == "")
        #expect(text.contains(cyrillic))
        #expect(text.contains(latin))
    }
}

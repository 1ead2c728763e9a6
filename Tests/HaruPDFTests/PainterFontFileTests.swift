import Foundation
import Testing
import Layout
@testable import HaruPDF

/// libharu rebuilds each embedded TrueType font in a memory stream of 4,096-byte blocks and
/// fails to save (0x1033) when an empty table sits exactly at the end of a full block.
@Suite struct PainterFontFileTests {
    /// Texts whose DejaVu Sans Bold subset, as libharu rebuilt it without hinting tables,
    /// was exactly 4,096 bytes long: each failed with "libharu error 0x1033 in
    /// HPDF_SaveToStream" before the painter added them.
    @Test(arguments: [
        "АБВГҐДЕЄЖЗІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмно",
        "АБВГҐДЕЄЖЗИІЇЙКЛМОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмно",
        "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдежзиіїйклмноп",
    ])
    func fontRebuiltToAWholeNumberOfBlocksIsSaved(_ line: String) throws {
        let list = Fixtures.list(pages: [[Fixtures.text(line, x: 20, y: 500, font: 0, size: 10)]],
                                 fonts: [Fixtures.boldFont])
        let pdf = try PDFPainter.render(list)
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
        let (text, warnings) = try PDFInspection.text(pdf)
        #expect(warnings == "")
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters)) == line)
        #expect(try PDFInspection.ink(pdf) > 0)
    }

    @Test func missingInstructionTablesAreAddedInTagOrderWithChecksums() throws {
        let subset = try Fixtures.boldFont.subset(scalars: Array("Жї".unicodeScalars), postScriptName: "Test-Bold")
        let tags = { (font: [UInt8]) -> [String] in
            let count = Int(font[4]) << 8 | Int(font[5])
            return (0..<count).map { String(decoding: font[(12 + $0 * 16)..<(16 + $0 * 16)], as: UTF8.self) }
        }
        #expect(!tags(subset).contains("prep"))
        let completed = InstructionTables.adding(to: subset)
        let completedTags = tags(completed)
        #expect(completedTags == (tags(subset) + ["cvt ", "fpgm", "prep"]).sorted())
        for index in completedTags.indices {
            let record = 12 + index * 16
            func field(_ at: Int) -> Int { completed[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
            let offset = field(record + 8), length = field(record + 12)
            #expect(offset % 4 == 0 && offset + length <= completed.count)
            #expect(UInt32(field(record + 4)) == InstructionTables.checksum(completed[offset..<offset + length]))
            if completedTags[index] == "prep" { #expect(length > 0) }
        }
        // A font that has them all stays as it is; bytes that are no font are left to libharu.
        #expect(InstructionTables.adding(to: completed) == completed)
        #expect(InstructionTables.adding(to: [1, 2, 3]) == [1, 2, 3])
    }

    @Test func checksumSumsBigEndianWordsWithZeroPadding() {
        #expect(InstructionTables.checksum([0, 0, 0, 1, 0, 0, 0, 2][...]) == 3)
        #expect(InstructionTables.checksum([0xB0, 0x00, 0x21][...]) == 0xB000_2100)
        #expect(InstructionTables.checksum([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2][...]) == 1)
    }
}

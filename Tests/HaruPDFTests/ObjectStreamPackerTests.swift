import Foundation
import Testing
import Layout
import TestSupport
@testable import HaruPDF

@Suite struct ObjectStreamPackerTests {
    static let list = Fixtures.list(pages: [[Fixtures.text("Гарантія ok (1) \\ 5 0 R", x: 20, y: 500, size: 8),
                                             Fixtures.text("Bold їжак", y: 400, font: 1)],
                                            [Fixtures.text("page 2", y: 400)]],
                                    fonts: [Fixtures.regularFont, Fixtures.boldFont])

    /// libharu's own bytes for `list`, before repacking.
    static func libharuBytes(_ list: DisplayList) throws -> (bytes: [UInt8], document: HaruDocument) {
        var painter = try PagePainter(list: list)
        _ = try painter.paint()
        return (try painter.document.savedBytes(), painter.document)
    }

    @Test func packedFileIsValidSmallerAndReadsTheSame() throws {
        let (plain, document) = try Self.libharuBytes(Self.list)
        // As the painter packs: libharu writes its deflated streams unfiltered, the packer
        // deflates them.
        var taken = document.internals.takeOverFlate()
        let unfiltered = try document.savedBytes()
        document.internals.finishSave(&taken)
        #expect(taken.complete)
        // The font files exist since the painter saved, so every stream is read from its
        // own stream, none from the file.
        #expect(taken.data.count == 5 && taken.data.values.allSatisfy { !$0.isEmpty })
        #expect(taken.numbers.count == 5)  // two pages' contents, two font files, the faces' shared ToUnicode map
        #expect(unfiltered.count < plain.count - 2000)  // the streams are not in it
        let deflater = Deflater()
        let packed = try #require(try ObjectStreamPacker(file: unfiltered).packed(deflating: taken.numbers, data: taken.data) {
            (bytes) throws(HaruError) in try deflater.deflated(bytes)
        })
        let filters = String(decoding: packed, as: UTF8.self).components(separatedBy: "/Filter/FlateDecode").count - 1
        #expect(filters == taken.numbers.count + 1)  // and the object stream
        #expect(packed.count < plain.count - 500)
        #expect(String(decoding: packed.prefix(8), as: UTF8.self) == "%PDF-1.5")
        let check = try PDFInspection.qpdf(["--check"], packed)
        #expect(check.status == 0, "\(check.stdoutText)\(check.stderrText)")
        let packedText = try PDFInspection.text(packed), plainText = try PDFInspection.text(plain)
        #expect(packedText.warnings == "")
        #expect(packedText.text == plainText.text)
        #expect(packedText.text.contains("Гарантія ok (1) \\ 5 0 R"))
        #expect(try PDFInspection.ink(packed) == (try PDFInspection.ink(plain)))
        // The painter's output is the packed file.
        #expect(try PDFPainter.render(Self.list) == packed)
    }

    @Test func unexpectedInputIsLeftToTheCaller() throws {
        let deflate: (ArraySlice<UInt8>) throws(HaruError) -> [UInt8] = { bytes in Array(bytes) }
        #expect(try ObjectStreamPacker(file: Array("%PDF-1.3\nnot a pdf".utf8)).packed(deflate: deflate) == nil)
        let (plain, _) = try Self.libharuBytes(Self.list)
        var truncated = plain
        truncated.removeLast(40)
        #expect(try ObjectStreamPacker(file: truncated).packed(deflate: deflate) == nil)
        var shifted = plain  // an object offset that no longer points at "N 0 obj"
        shifted.insert(0x20, at: 20)
        #expect(try ObjectStreamPacker(file: shifted).packed(deflate: deflate) == nil)
    }

    @Test func encryptedDocumentsArePackedToo() throws {
        var list = Self.list
        list.info.ownerPassword = "owner"
        list.info.printOnly = true
        let pdf = try PDFPainter.render(list)
        #expect(String(decoding: pdf.prefix(8), as: UTF8.self) == "%PDF-1.5")
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
        // Strings in a stream dictionary are refused when encrypting (they would go out in clear).
        #expect(ObjectStreamPacker.holdsString(Array("<</Length 5/Params<</ModDate(D:2025)>>>>".utf8)))
        #expect(ObjectStreamPacker.holdsString(Array("<</Length 5/CheckSum<A1B2>>>".utf8)))
        #expect(!ObjectStreamPacker.holdsString(Array("<</Length 5/DecodeParms<</K -1>>>>".utf8)))
    }

    @Test func objectsLoseOnlyRedundantSpace() {
        func compact(_ text: String) -> String {
            String(decoding: ObjectStreamPacker.compacted(Array(text.utf8)), as: UTF8.self)
        }
        #expect(compact("<<\n/Length 1740\n/Filter [ /FlateDecode ]\n>>") == "<</Length 1740/Filter[/FlateDecode]>>")
        #expect(compact("<<\n/Length1 4274\n/Length 6 0 R\n>>") == "<</Length1 4274/Length 6 0 R>>")
        #expect(compact("<<\n/Type /Page\n/MediaBox [ 0 0 419.53 595.28 ]\n/Parent 2 0 R\n>>")
                == "<</Type/Page/MediaBox[0 0 419.53 595.28]/Parent 2 0 R>>")
        #expect(compact("<< /Title <FEFF 0413> /W [ 1 2 ] >>") == "<</Title<FEFF 0413>/W[1 2]>>")
        #expect(compact("<< /T (a  b) >>") == "<< /T (a  b) >>", "strings are left alone")
    }

    @Test func producerIsNotWritten() throws {
        let (text, _) = try PDFInspection.text(try PDFPainter.render(Self.list))
        #expect(!text.isEmpty)
        let info = try TestSupportRun.pdfinfo(try PDFPainter.render(Self.list))
        #expect(!info.contains("Producer"))
        #expect(info.contains("PDF version:     1.5"))
    }
}

enum TestSupportRun {
    static func pdfinfo(_ pdf: [UInt8]) throws -> String {
        try TestSupport.run("pdfinfo", [try Fixtures.file(pdf).path]).stdoutText
    }
}

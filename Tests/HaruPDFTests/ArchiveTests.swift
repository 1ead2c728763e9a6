import Foundation
import Testing
import Layout
import TestSupport
@testable import HaruPDF

/// PDF/A-3b from the painter, checked rule by rule with `qpdf --json` (`PDFARules`).
@Suite struct ArchiveTests {
    static let data = Array(#"{"claim": {"rma": "RMA-1", "note": "Їжак & <b>"}}"#.utf8)

    static func archived(title: String = "Гарантійний талон 17 & <Co>") -> DisplayList {
        var info = PainterOutputTests.card().info
        info.title = title
        info.pdfa = true
        info.attachment = AttachedFile(name: "warranty-card.uk.json", mimeType: "application/json", bytes: data)
        return PainterOutputTests.card(info: info)
    }

    @Test func archivedCardFollowsEveryRule() throws {
        let pdf = try PDFPainter.render(Self.archived())
        #expect(try PDFPainter.render(Self.archived()) == pdf)
        let path = try Fixtures.file(pdf).path
        #expect(try PDFARules.problems(path) == [])
        #expect(try PDFARules.attachments(path) == [Data(Self.data)])
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
        let fonts = try PDFInspection.fonts(pdf)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.embedded && $0.unicode })
        let (text, warnings) = try PDFInspection.text(pdf)
        #expect(text.contains("Гарантійний талон № 17") && warnings == "")
        // Talon reads its own attachment back.
        let attachment = try AttachedDataReader.attachment(in: pdf)
        #expect(attachment.name == "warranty-card.uk.json" && attachment.bytes == Self.data)
        #expect(AttachedDataReader.sha256(Self.data) == Crypto.sha256(Self.data).map { String(format: "%02x", $0) }.joined())
    }

    @Test func theRulesCatchAPlainFile() throws {
        var plain = Self.archived()
        plain.info.pdfa = false
        let path = try Fixtures.file(try PDFPainter.render(plain)).path
        let broken = try PDFARules.problems(path).map { $0.prefix(1) }
        #expect(broken.contains("2") && broken.contains("4") && broken.contains("6"))
        #expect(throws: HaruError.self) { try AttachedDataReader.attachment(in: try PDFPainter.render(plain)) }
    }

    @Test func damagedFilesAreErrorsNotCrashes() throws {
        let pdf = try PDFPainter.render(Self.archived())
        var generator = SeededGenerator(seed: 16)
        for _ in 0..<40 {
            var damaged = Array(pdf.prefix(Int.random(in: 0...pdf.count, using: &generator)))
            if !damaged.isEmpty {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? AttachedDataReader.attachment(in: damaged)
        }
        #expect(throws: HaruError.self) { try AttachedDataReader.attachment(in: Array(pdf.prefix(pdf.count / 2))) }
    }

    @Test func identifierFollowsTheContent() throws {
        func identifier(_ list: DisplayList) throws -> String? {
            let pdf = try PDFPainter.render(list)
            let text = String(decoding: pdf.suffix(300), as: UTF8.self)
            return text.range(of: "/ID[<").map { String(text[$0.upperBound...].prefix(32)) }
        }
        let first = try identifier(Self.archived())
        #expect(first != nil)
        #expect(try identifier(Self.archived(title: "Another")) != first)
    }

    @Test func metadataEscapesXML() {
        let xmp = ArchiveMetadata.xmp(Self.archived().info)
        #expect(xmp.contains("Гарантійний талон 17 &amp; &lt;Co&gt;"))
        #expect(xmp.contains("<xmp:CreateDate>2025-03-14T00:00:00Z</xmp:CreateDate>"))
        #expect(xmp.hasPrefix("<?xpacket begin=\"\u{FEFF}\""))
    }
}

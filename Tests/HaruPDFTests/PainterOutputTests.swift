import Foundation
import Testing
import Layout
import TestSupport
@testable import HaruPDF

@Suite struct PainterOutputTests {
    static func card(info: DocumentInfo = DocumentInfo(title: "Гарантійний талон 17", author: "Talon",
                                                        subject: "Warranty", keywords: "warranty, талон",
                                                        creationDate: (2025, 3, 14))) -> DisplayList {
        Fixtures.list(pages: [
            [Fixtures.text("Гарантійний талон № 17", y: 540, font: 1, size: 14),
             Fixtures.text("Модель: TL-C200, серійний номер SN-1", y: 510),
             .fillRect(x: 40, y: 400, width: 1.5, height: 40, color: .black),
             .fillRect(x: 43, y: 400, width: 0.75, height: 40, color: .black),
             .strokeRect(x: 30, y: 380, width: 300, height: 200, lineWidth: 0.5, color: .gray),
             .line(x1: 30, y1: 370, x2: 330, y2: 370, lineWidth: 0.5, dash: [3, 2], color: .black),
             .circle(centerX: 300, centerY: 300, radius: 30, lineWidth: 1, dash: [2, 2], color: .black)],
            [Fixtures.text("Сторінка 2 — їжак", y: 540)],
        ], fonts: [Fixtures.regularFont, Fixtures.boldFont], info: info)
    }

    @Test func sameListGivesIdenticalBytes() throws {
        let first = try PDFPainter.render(Self.card())
        let second = try PDFPainter.render(Self.card())
        #expect(first == second)
        #expect(first.starts(with: Array("%PDF-1.".utf8)))
        #expect(try PDFInspection.qpdf(["--check"], first).status == 0)
        #expect(!String(decoding: first, as: UTF8.self).contains("/ID"))
    }

    @Test func infoIsWrittenFromTheList() throws {
        let pdf = try PDFPainter.render(Self.card())
        let result = try TestSupport.run("pdfinfo", [try Fixtures.file(pdf).path])
        let info = result.stdoutText
        #expect(info.contains("Title:           Гарантійний талон 17"))
        #expect(info.contains("Author:          Talon"))
        #expect(info.contains("Keywords:        warranty, талон"))
        #expect(info.contains("Pages:           2"))
        #expect(info.contains("CreationDate:") && info.contains("2025"))
        #expect(result.stderrText == "")
    }

    @Test func absurdPageSizeIsALibharuError() {
        var list = Self.card()
        list.pages[0].width = 1_000_000
        #expect(throws: HaruError.library(call: "HPDF_Page_SetWidth", code: 0x1054, detail: 0)) {
            try PDFPainter.render(list)
        }
        list.pages[0].width = .nan
        #expect(throws: HaruError.invalidNumber(page: 0, op: nil)) { try PDFPainter.render(list) }
        list = Self.card()
        list.pages[1].ops.append(.fillRect(x: .infinity, y: 0, width: 1, height: 1, color: .black))
        #expect(throws: HaruError.invalidNumber(page: 1, op: 1)) { try PDFPainter.render(list) }
    }

    @Test func missingResourcesAreReported() {
        var list = Self.card()
        list.pages[1].ops.append(.image(index: 3, x: 0, y: 0, width: 10, height: 10))
        #expect(throws: HaruError.missingResource(page: 1, op: 1, what: "image 3")) { try PDFPainter.render(list) }
        list = Self.card()
        list.pages[0].ops.append(.text(x: 0, y: 0, font: 7, size: 9, text: "x", color: .black))
        #expect(throws: HaruError.missingResource(page: 0, op: 7, what: "font 7")) { try PDFPainter.render(list) }
    }

    @Test func wrapperChecksAndResetsErrors() throws {
        let document = try HaruDocument()
        #expect(throws: HaruError.library(call: "HPDF_Page_SetWidth", code: 0x1054, detail: 0)) {
            try document.addPage(width: 2, height: 100)
        }
        // The sticky error was reset: the document still works.
        _ = try document.addPage(width: 100, height: 100)
        #expect(try document.savedBytes().count > 100)
        #expect(HaruError.library(call: "X", code: 0x1054, detail: 0).description
                == "libharu error 0x1054 in X: invalid page size (detail 0)")
    }
}

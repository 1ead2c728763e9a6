import Foundation
import Testing
import Layout
import TestSupport
@testable import HaruPDF

@Suite struct PainterImageTests {
    static func imagePage(_ image: ImageResource) -> DisplayList {
        Fixtures.list(pages: [[.image(index: 0, x: 40, y: 480, width: 60, height: 60)]], fonts: [], images: [image])
    }

    static func jpeg(_ color: String) throws -> [UInt8] {
        let result = try TestSupport.run("convert", ["-size", "16x16", "xc:\(color)", "jpeg:-"])
        guard result.status == 0 else { throw PDFInspection.InspectionError.tool("convert", result.stderrText) }
        return [UInt8](result.stdout)
    }

    @Test func rawGrayAndRGBPixelsAreDrawn() throws {
        let gray = ImageResource(pixelWidth: 4, pixelHeight: 2, pixels: .raw(components: 1, bytes: Array(repeating: 0, count: 8)))
        let grayPDF = try PDFPainter.render(Self.imagePage(gray))
        #expect(try PDFInspection.ink(grayPDF) > 5000)  // 60 pt square at 150 dpi ≈ 15,600 pixels
        #expect(try PDFInspection.qpdf(["--check"], grayPDF).status == 0)
        let rgb = ImageResource(pixelWidth: 2, pixelHeight: 2,
                                pixels: .raw(components: 3, bytes: [0, 0, 90, 0, 0, 90, 0, 0, 90, 0, 0, 90]))
        #expect(try PDFInspection.ink(try PDFPainter.render(Self.imagePage(rgb))) > 5000)
        let white = ImageResource(pixelWidth: 1, pixelHeight: 1, pixels: .raw(components: 3, bytes: [255, 255, 255]))
        #expect(try PDFInspection.ink(try PDFPainter.render(Self.imagePage(white))) == 0)
    }

    @Test func jpegIsDrawn() throws {
        let image = ImageResource(pixelWidth: 16, pixelHeight: 16, pixels: .jpeg(bytes: try Self.jpeg("black"), components: 3))
        let pdf = try PDFPainter.render(Self.imagePage(image))
        #expect(try PDFInspection.ink(pdf) > 5000)
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
        #expect(try PDFPainter.render(Self.imagePage(image)) == pdf)
    }

    @Test func malformedImagesAreErrorsNotCrashes() throws {
        let valid = try Self.jpeg("gray")
        for bytes in [[0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], Array(valid.prefix(40)), Array("not a jpeg".utf8), []] {
            let image = ImageResource(pixelWidth: 16, pixelHeight: 16, pixels: .jpeg(bytes: bytes, components: 3))
            #expect(throws: HaruError.self) { try PDFPainter.render(Self.imagePage(image)) }
        }
        let short = ImageResource(pixelWidth: 4, pixelHeight: 4, pixels: .raw(components: 3, bytes: [0, 0, 0]))
        #expect(throws: HaruError.invalidImage(index: 0, reason: "3 bytes for 4×4 pixels of 3 components")) {
            try PDFPainter.render(Self.imagePage(short))
        }
        let cmyk = ImageResource(pixelWidth: 1, pixelHeight: 1, pixels: .raw(components: 4, bytes: [0, 0, 0, 0]))
        #expect(throws: HaruError.self) { try PDFPainter.render(Self.imagePage(cmyk)) }
        let huge = ImageResource(pixelWidth: Int.max, pixelHeight: 2, pixels: .raw(components: 1, bytes: [0]))
        #expect(throws: HaruError.self) { try PDFPainter.render(Self.imagePage(huge)) }
    }
}

import Foundation
import Layout
import Testing

@Suite struct BatchMergeTests {
    static let sans = try? TrueTypeFont(contentsOf: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    static let bold = try? TrueTypeFont(contentsOf: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

    func text(_ font: Int) -> DrawOp {
        .text(x: 1, y: 2, font: font, size: 9, text: "x", color: .black)
    }

    func image(_ value: UInt8) -> ImageResource {
        ImageResource(pixelWidth: 1, pixelHeight: 1, pixels: .raw(components: 1, bytes: [value]))
    }

    @Test func fontsOfTheSameFaceAreUnifiedAndIndicesRemapped() throws {
        let sans = try #require(Self.sans), bold = try #require(Self.bold)
        let first = DisplayList(
            pages: [DisplayPage(width: 100, height: 200, ops: [text(0), .image(index: 0, x: 0, y: 0, width: 1, height: 1)])],
            fonts: [FontResource(font: sans, usedScalars: ["a", "c", "ї"])],
            images: [image(1)], info: DocumentInfo(title: "first"))
        let second = DisplayList(
            pages: [
                DisplayPage(width: 100, height: 200, ops: [text(0), text(1)]),
                DisplayPage(width: 300, height: 400, ops: [.image(index: 1, x: 0, y: 0, width: 1, height: 1),
                                                          .image(index: 0, x: 0, y: 0, width: 1, height: 1)]),
            ],
            fonts: [FontResource(font: bold, usedScalars: ["z"]), FontResource(font: sans, usedScalars: ["b", "c", "я"])],
            images: [image(2), image(1)], info: DocumentInfo(title: "second"))
        let merged = try #require(DisplayList.merged([first, second]))
        #expect(merged.pages.count == 3)
        #expect(merged.fonts.count == 2)
        #expect(merged.fonts[0].font === sans)
        let expected: [Unicode.Scalar] = ["a", "b", "c", "я", "ї"]
        #expect(merged.fonts[0].usedScalars == expected)
        #expect(merged.fonts[1].usedScalars == ["z" as Unicode.Scalar])
        #expect(merged.pages[1].ops == [text(1), text(0)])
        #expect(merged.images == [image(1), image(2)])
        // The second list's image 1 equals the first list's image 0; its image 0 is new.
        #expect(merged.pages[2].ops == [.image(index: 0, x: 0, y: 0, width: 1, height: 1),
                                        .image(index: 1, x: 0, y: 0, width: 1, height: 1)])
        #expect(merged.pages[2].width == 300)
        #expect(merged.info.title == "first")
        #expect(DisplayList.merged([]) == nil)
    }

    @Test func indicesOutsideTheTablesStayInvalid() throws {
        let sans = try #require(Self.sans)
        var list = DisplayList(pages: [], fonts: [FontResource(font: sans, usedScalars: ["a"])], images: [], info: DocumentInfo())
        list.append(DisplayList(pages: [DisplayPage(width: 1, height: 1, ops: [text(5)])], fonts: [], images: [], info: DocumentInfo()))
        #expect(list.pages[0].ops == [text(-1)])
    }
}

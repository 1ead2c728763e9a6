import Testing
@testable import Markup

@Suite struct FrontMatterTests {
    private let mm = 72 / 25.4

    @Test func defaultsWithoutFrontMatter() {
        #expect(parse("text").setup == PageSetup())
    }

    @Test func everyKey() {
        let document = parse("""
        ---
        page: A4
        orientation: landscape
        margins: 10mm 5mm 20mm
        font: DejaVu Serif 10.5pt
        line-height: 1.4
        align: justify
        title: Warranty card \\#12: X\\*
        author: Talon
        subject: Card
        keywords: warranty, card
        date: 2024-02-29
        header: **Talon** service
        footer: Page @page of @pages
        password: owner
        user-password: user
        permissions: print-only
        ---
        Body
        """)
        var expected = PageSetup(
            pageWidth: 595.28, pageHeight: 841.89, orientation: .landscape, marginTop: 10 * mm, marginRight: 5 * mm,
            marginBottom: 20 * mm, marginLeft: 5 * mm, fontFamily: "DejaVu Serif", fontSize: 10.5, lineHeight: 1.4,
            title: "Warranty card #12: X*", author: "Talon", subject: "Card", keywords: "warranty, card",
            creationDate: "2024-02-29", header: [.bold([.text("Talon")]), .text(" service")],
            footer: [.text("Page "), .pageNumber, .text(" of "), .pageCount], ownerPassword: "owner",
            userPassword: "user", printOnly: true, justify: true)
        expected.marginLeft = 5 * mm
        #expect(document.setup == expected)
        #expect(document.blocks == [.paragraph(content: [.text("Body")], alignment: nil)])
    }

    @Test func blankAndCommentLinesAreSkipped() {
        #expect(parse("---\n\n# a comment\npage: A6\n---\n").setup.pageWidth == 297.64)
    }

    @Test func namedPageSizes() {
        let sizes: [(String, Double, Double)] = [
            ("A4", 595.28, 841.89), ("a5", 419.53, 595.28), ("A6", 297.64, 419.53), ("Letter", 612, 792), ("LEGAL", 612, 1008),
        ]
        for (name, width, height) in sizes {
            let setup = parse("---\npage: \(name)\n---\n").setup
            #expect(setup.pageWidth == width && setup.pageHeight == height, "\(name)")
        }
    }

    @Test func customPageSize() {
        let setup = parse("---\npage: 100mm x 150mm\n---\n").setup
        #expect(abs(setup.pageWidth - 283.46) < 0.01 && abs(setup.pageHeight - 425.2) < 0.01)
        #expect(parse("---\npage: 4in x 6in\n---\n").setup.pageWidth == 288)
    }

    @Test func fontWordsAreCutAtTheLastBlank() {
        for (raw, family, last) in [("DejaVu Sans 7.5pt", "DejaVu Sans", "7.5pt"), ("DejaVu  Sans\t 8pt", "DejaVu Sans", "8pt"),
                                    ("Mono", "", "Mono"), ("", "", ""), (" a b ", "a", "b"), ("Сірий Шрифт 9pt", "Сірий Шрифт", "9pt")] {
            let words = FrontMatterParser.fontWords(raw)
            #expect(words.family == family && words.last == last, "\(raw.debugDescription)")
        }
        #expect(parse("---\nfont: DejaVu   Sans\t8pt\n---\n").setup.fontFamily == "DejaVu Sans")
    }

    @Test func fontWithoutSizeKeepsTheDefaultSize() {
        let setup = parse("---\nfont: DejaVu Sans Mono\n---\n").setup
        #expect(setup.fontFamily == "DejaVu Sans Mono" && setup.fontSize == 9)
    }

    @Test func lengths() {
        #expect(Length.points("12") == 12)
        #expect(Length.points("12pt") == 12)
        #expect(Length.points("1in") == 72)
        #expect(Length.points("2.54cm") == 72)
        #expect(Length.points("25.4 mm") == 72)
        #expect(Length.points(".5in") == 36)
        #expect(Length.points("12qq") == nil)
        #expect(Length.points("-3mm") == nil)
        #expect(Length.points("") == nil)
        #expect(Length.points("1.2.3") == nil)
    }

    private func margins(_ text: String) -> [Double]? {
        Length.margins(text).map { [$0.top, $0.right, $0.bottom, $0.left] }
    }

    @Test func marginsInCSSOrder() {
        #expect(margins("1") == [1, 1, 1, 1])
        #expect(margins("1 2") == [1, 2, 1, 2])
        #expect(margins("1 2 3") == [1, 2, 3, 2])
        #expect(margins("1 2 3 4") == [1, 2, 3, 4])
        #expect(Length.margins("1 2 3 4 5") == nil)
        #expect(Length.margins("") == nil)
    }

    @Test func pdfaKey() {
        #expect(parse("---\npdfa: true\n---\ntext").setup.pdfa)
        #expect(!parse("---\npdfa: False\n---\ntext").setup.pdfa)
        #expect(!parse("text").setup.pdfa)
        let error = parseError("---\npdfa: 3b\n---\ntext")
        #expect(error.map { "\($0)" }?.contains("true (PDF/A-3b) or false") == true, "\(String(describing: error))")
        #expect(error?.location.line == 2)
    }

    @Test func boldKey() {
        #expect(parse("---\nbold: synthetic\n---\ntext").setup.syntheticBold)
        #expect(!parse("---\nbold: Font\n---\ntext").setup.syntheticBold)
        #expect(!parse("text").setup.syntheticBold)
        let error = parseError("---\ntitle: x\nbold: heavy\n---\ntext")
        #expect(error.map { "\($0)" }?.contains("font (the family's bold face) or synthetic") == true,
                "\(String(describing: error))")
        #expect(error?.location.line == 3)
    }

    @Test func dateMustBeARealISODate() {
        #expect(parse("---\ndate: 2024-02-29\n---\ntext").setup.creationDate == "2024-02-29")
        for text in ["2023-02-29", "2024-13-01", "24-01-01", "2024-+1-01"] {
            let error = parseError("---\ndate: \(text)\n---\ntext")
            #expect(error.map { "\($0)" }?.contains("an ISO date such as 2024-02-29") == true, "\(text)")
        }
    }
}

@Suite struct ReaderTests {
    @Test func byteOrderMarkIsIgnored() {
        #expect(parse("\u{FEFF}---\npage: A4\n---\nx").setup.pageWidth == 595.28)
    }

    @Test func keepsEveryUTF8Length() {
        let text = "a\u{7F}\u{80}ж\u{7FF}\u{800}№€\u{FFFF}\u{10000}😀\u{10FFFF}"
        let source = SourceText(text, file: "test.talon")
        #expect(source.bytes == Array(text.utf8))
        #expect(source.string(0, source.bytes.count) == text)
        // The same from the bytes a render gives.
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { SourceText(utf8: $0, file: "test.talon").bytes } == bytes)
        // Characters are read whole, forwards and backwards, at every boundary.
        var offset = 0
        for scalar in text.unicodeScalars {
            #expect(source.scalar(at: offset) == scalar)
            offset += String(scalar).utf8.count
            #expect(source.scalar(before: offset) == scalar)
        }
    }

    @Test func columnsCountCharactersNotBytes() {
        let source = SourceText("ab\nжё😀x", file: "f")
        // Line 2: `ж` and `ё` take two bytes each, `😀` four; `x` is the fourth character.
        #expect(source.location(line: 1, offset: 3 + 8).column == 4)
        #expect(source.location(line: 1, offset: 3 + 9).column == 5)
    }

    @Test func linesEndAtEveryLineFeed() {
        // Line feeds at every position of the words the reader looks through, beside
        // characters of two and three bytes.
        for length in 0..<40 {
            for step in 1..<12 {
                let text = String((0..<length).map { $0 % step == step - 1 ? "\n" : $0 % 3 == 0 ? "ж" : $0 % 5 == 0 ? "€" : "a" })
                let source = SourceText(text, file: "f")
                var expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if expected.count > 1, expected.last == "" { expected.removeLast() }
                #expect((0..<source.lines.count).map { source.text(ofLine: $0) } == expected, "\(text.debugDescription)")
            }
        }
    }

    @Test func crlfAndLoneCarriageReturn() {
        let source = SourceText("a\r\nb\rc\n", file: "f")
        #expect(source.lines.count == 2)
        #expect(source.text(ofLine: 0) == "a")
        #expect(source.text(ofLine: 1) == "b\rc")
    }
}

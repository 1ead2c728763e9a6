import Testing
@testable import Markup

@Suite struct InlineTests {
    @Test func plainTextIsOneTextRun() {
        #expect(paragraph("Hello, world") == [.text("Hello, world")])
    }

    @Test func boldItalicUnderline() {
        #expect(paragraph("a **b** *c* __d__") == [
            .text("a "), .bold([.text("b")]), .text(" "), .italic([.text("c")]), .text(" "), .underline([.text("d")]),
        ])
    }

    @Test func nestedEmphasis() {
        #expect(paragraph("**bold *both* __u__**") == [
            .bold([.text("bold "), .italic([.text("both")]), .text(" "), .underline([.text("u")])]),
        ])
        #expect(paragraph("***x***") == [.bold([.italic([.text("x")])])])
        #expect(paragraph("*a **b***") == [.italic([.text("a "), .bold([.text("b")])])])
    }

    @Test func whiteSpaceBeyondASCIIDecidesLikeASpace() {
        // An em space (three bytes) before a closer or after an opener keeps the marker literal;
        // a letter of two bytes does not.
        #expect(paragraph("x *a\u{2003}* y") == [.text("x *a\u{2003}* y")])
        #expect(paragraph("x *\u{2003}a* y") == [.text("x *\u{2003}a* y")])
        #expect(paragraph("x *aé* y") == [.text("x "), .italic([.text("aé")]), .text(" y")])
        #expect(paragraph("x *éa* y") == [.text("x "), .italic([.text("éa")]), .text(" y")])
        #expect(paragraph("ж\u{00A0}**б**") == [.text("ж\u{00A0}"), .bold([.text("б")])])
    }

    @Test func unmatchedMarkersAreLiteral() {
        #expect(paragraph("price ** 2") == [.text("price ** 2")])
        #expect(paragraph("**open but never closed") == [.text("**open but never closed")])
        #expect(paragraph("5 * 3 * 2") == [.text("5 * 3 * 2")])
        #expect(paragraph("a*b") == [.text("a*b")])
        #expect(paragraph("snake_case_name") == [.text("snake_case_name")])
        #expect(paragraph("__x") == [.text("__x")])
    }

    @Test func unclosedInnerOpenerBecomesTextInsideOuter() {
        #expect(paragraph("**a *b**") == [.bold([.text("a *b")])])
    }

    @Test func emphasisSpansLinesOfAParagraph() {
        #expect(paragraph("**one\ntwo**") == [.bold([.text("one two")])])
    }

    @Test func inlineDirectives() {
        #expect(paragraph("a@br b") == [.text("a"), .lineBreak, .text(" b")])
        #expect(paragraph("Page @page of @pages") == [.text("Page "), .pageNumber, .text(" of "), .pageCount])
        #expect(paragraph("x@br()y") == [.text("x"), .lineBreak, .text("y")])
        #expect(paragraph("@pages()") == [.pageCount])
    }

    @Test func atSignNotBeforeALetterIsLiteral() {
        #expect(paragraph("10 @ 5 and @1 and @") == [.text("10 @ 5 and @1 and @")])
    }

    @Test func backslashEscapesEveryASCIIPunctuation() {
        let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
        let escaped = punctuation.unicodeScalars.map { "\\" + String($0) }.joined()
        #expect(paragraph("x" + escaped) == [.text("x" + punctuation)])
    }

    @Test func backslashBeforeOtherCharactersIsLiteral() {
        #expect(paragraph("C:\\Users and \\n and end\\") == [.text("C:\\Users and \\n and end\\")])
    }

    @Test func escapedMarkersDoNotFormat() {
        #expect(paragraph("\\*\\*not bold\\*\\* \\_\\_no\\_\\_") == [.text("**not bold** __no__")])
    }

    @Test func lineBreakSwallowsTheJoiningSpace() {
        #expect(paragraph("one@br\ntwo") == [.text("one"), .lineBreak, .text("two")])
    }

    @Test func deepEmphasisStaysBounded() {
        let text = String(repeating: "**a *b __c ", count: 40)
        let content = paragraph(text)
        func depth(_ inlines: [Inline]) -> Int {
            inlines.map { inline -> Int in
                switch inline {
                case .bold(let c), .italic(let c), .underline(let c): return 1 + depth(c)
                default: return 0
                }
            }.max() ?? 0
        }
        #expect(depth(content) <= InlineParser.maximumDepth)
    }

    @Test func parseInlineEntryPoint() throws {
        #expect(try MarkupParser.parseInline("Page @page / @pages", file: "h") == [
            .text("Page "), .pageNumber, .text(" / "), .pageCount,
        ])
    }
}

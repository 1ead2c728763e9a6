import TalonPrimitives
import Testing
@testable import Markup

/// Every error: its exact message, line and column.
@Suite struct ErrorTests {
    private func expectError(_ text: String, _ line: Int, _ column: Int, _ message: String,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let error = parseError(text) else {
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return
        }
        #expect(error.message == message, sourceLocation: sourceLocation)
        #expect(error.location == SourceLocation(file: "test.talon", line: line, column: column),
                sourceLocation: sourceLocation)
    }

    @Test func printsLocationLineAndCaret() {
        let error = parseError("# Title\n\t@barcod(qr, x)")
        #expect(error?.description == """
        test.talon:2:2: error: unknown directive '@barcod'; did you mean '@barcode'?
        \t@barcod(qr, x)
        \t^
        """)
    }

    @Test func caretCountsUnicodeScalars() {
        let error = parseError("Ціна: @prise")
        #expect(error?.description.hasSuffix("Ціна: @prise\n      ^") == true)
    }

    @Test func unknownDirectives() {
        expectError("text @barcod here", 1, 6,
                    "unknown directive '@barcod'; did you mean '@barcode'?")
        expectError("mail us: service@talon.ua", 1, 17, "unknown directive '@talon'; write \\@ for a literal @")
        expectError("@signature(A) @stmp", 1, 15,
                    "unknown directive '@stmp'; did you mean '@stamp'?")
    }

    @Test func blockDirectiveInsideText() {
        expectError("Sign here @signature(x)", 1, 11, "'@signature' is a block directive; put it at the start of its own line")
    }

    @Test func spanOutsideACell() {
        expectError("a @span(2)", 1, 3, "'@span' is not allowed here; '@span(N)' must start a table cell")
    }

    @Test func unclosedKeepSaysWhereItWasOpened() {
        expectError("a\n  @keep\nb\n", 2, 3, "expected '@end' to close '@keep' opened at 2:3 before the end of the file")
        expectError("@columns(2)\nx", 1, 1, "expected '@end' to close '@columns' opened at 1:1 before the end of the file")
    }

    @Test func endOrColumnWithoutOpener() {
        expectError("a\n\n@end", 3, 1, "'@end' without an open '@keep' or '@columns'")
        expectError("@keep\n@column\n@end", 2, 1, "'@column' outside '@columns'")
    }

    @Test func columnCountMismatch() {
        expectError("@columns(2)\na\n@column\nb\n@column\nc\n@end", 5, 1, "'@columns' at 1:1 declares 2 columns but 3 are given")
        expectError("@columns(1fr 1fr 1fr)\na\n@column\nb\n@end", 5, 1, "'@columns' at 1:1 declares 3 columns but 2 are given")
    }

    @Test func modifierWithoutTarget() {
        expectError("@table(borders: none)\n\n| a |", 1, 1, "expected a table row starting with '|' on the line after '@table'")
        expectError("@align(center)\n# H", 1, 1, "expected a paragraph on the line after '@align'")
        expectError("@align(right)", 1, 1, "expected a paragraph on the line after '@align'")
        expectError("@table @pagebreak\n| a |", 1, 1, "expected a table row starting with '|' on the line after '@table'")
    }

    @Test func badLength() {
        expectError("@space(12qq)", 1, 8, "expected a length such as 10mm, 1.5cm, 12pt or 0.5in, found '12qq'")
        expectError("@field(Name, width: wide)", 1, 21, "expected a length such as 10mm, 1.5cm, 12pt or 0.5in, found 'wide'")
    }

    @Test func badPageSize() {
        expectError("---\npage: B5\n---\n", 2, 7,
                    "expected a page size (A4, A5, A6, Letter, Legal or WIDTH x HEIGHT such as 100mm x 150mm), found 'B5'")
        expectError("---\npage: 100mm x 0mm\n---\n", 2, 7,
                    "expected a page size (A4, A5, A6, Letter, Legal or WIDTH x HEIGHT such as 100mm x 150mm), found '100mm x 0mm'")
    }

    @Test func frontMatterErrors() {
        expectError("---\npgae: A4\n---\n", 2, 1, "unknown front matter key 'pgae'; did you mean 'page'?")
        expectError("---\ncolour: red\n---\n", 2, 1, "unknown front matter key 'colour'")
        expectError("---\npage: A4\npage: A5\n---\n", 3, 1, "front matter key 'page' is given twice")
        expectError("---\nmargins: 1 2 3 4 5\n---\n", 2, 10,
                    "expected one to four lengths such as 10mm 15mm for 'margins', found '1 2 3 4 5'")
        expectError("---\norientation: sideways\n---\n", 2, 14, "expected portrait or landscape for 'orientation', found 'sideways'")
        expectError("---\ndate: 2023-02-29\n---\n", 2, 7, "expected an ISO date such as 2024-02-29 for 'date', found '2023-02-29'")
        expectError("---\nline-height: tall\n---\n", 2, 14, "expected a multiple of the font size such as 1.25 for 'line-height', found 'tall'")
        expectError("---\nalign: center\n---\n", 2, 8, "expected left or justify for 'align', found 'center'")
        expectError("---\npermissions: none\n---\n", 2, 14, "expected print-only or all for 'permissions', found 'none'")
        expectError("---\nfont:\n---\n", 2, 6, "expected a font family and size such as DejaVu Sans 9pt for 'font', found ''")
        expectError("---\njust words\n---\n", 2, 1, "expected 'key: value' or '---' to end the front matter")
        expectError("---\npage: A4\n", 1, 1, "expected '---' to close the front matter opened on line 1")
        expectError("---\ntitle: *Card*\n---\n", 2, 8,
                    "expected plain text in 'title'; formatting and @page/@pages are not allowed (escape * and _ with a backslash)")
    }

    @Test func headingTooDeep() {
        expectError("#### Four", 1, 1, "headings have levels 1 to 3 (# to ###), found level 4")
    }

    @Test func tableErrors() {
        expectError("| a | b |\n| 1 | 2 | 3 |", 2, 11, "table row has 3 cells but the table has 2 columns")
        expectError("| h |\n|---|\n| a | b |", 3, 7, "table row has 2 cells but the table has 1 column")
        expectError("|---|\n|---|", 2, 2, "a table has at most one separator row")
        expectError("| a |\n|--- 3qq |", 2, 2,
                    "expected a separator cell such as ---, :---:, ---: followed by an optional width (30mm, auto, 2fr), found '--- 3qq'")
        expectError("| @span(x) a |", 1, 3, "expected '@span(N)' with N from 1 to 64, found '@span(x)'")
        expectError("|---|---|\n| @span(3) a |", 2, 3, "table row has 3 cells but the table has 2 columns")
    }

    @Test func argumentSyntaxErrors() {
        expectError("@field(\"Name, value: x)", 1, 8, "unterminated quoted string: expected '\"' before the end of the line")
        expectError("@field(Name, value: x", 1, 22, "expected ')' to close the arguments of '@field'")
        expectError("@field(\"Name\" x)", 1, 15, "expected ',' or ')' after a quoted argument of '@field'")
        expectError("@pagebreak text", 1, 12, "expected another @directive or the end of the line after '@pagebreak'")
    }

    @Test func barcodeErrors() {
        expectError("@barcode(code39, \"X\")", 1, 10, "expected a barcode symbology (code128, qr or ean13), found 'code39'; did you mean 'code128'?")
        expectError("@barcode(pdf417, \"X\")", 1, 10, "expected a barcode symbology (code128, qr or ean13), found 'pdf417'")
        expectError("@barcode(qr)", 1, 1, "'@barcode' needs the data to encode: @barcode(qr, \"...\")")
        expectError("@barcode", 1, 1, "'@barcode' needs a symbology and data: @barcode(code128, \"...\")")
        expectError("@barcode(qr, \"**x**\")", 1, 15,
                    "expected plain text in barcode data; formatting and @page/@pages are not allowed (escape * and _ with a backslash)")
        expectError("@barcode(code128, x, ecc: M)", 1, 27,
                    "expected no error correction level (only qr has one) for 'ecc' of '@barcode', found 'M'")
        expectError("@barcode(qr, x, text: above)", 1, 23, "expected below or none for 'text' of '@barcode', found 'above'")
    }

    @Test func missingRequiredArguments() {
        expectError("@field", 1, 1, "'@field' needs a label: @field(Label)")
        expectError("@checkbox()", 1, 1, "'@checkbox' needs a label: @checkbox(Label)")
        expectError("@image", 1, 1, "'@image' needs a file path: @image(\"photo.png\")")
        expectError("@space", 1, 1, "'@space' needs a height: @space(5mm)")
        expectError("@columns", 1, 1, "'@columns' needs a column count or widths such as 1fr 2fr")
        expectError("@align", 1, 1, "'@align' needs an alignment: left, center, right or justify")
    }

    @Test func argumentBindingErrors() {
        expectError("@field(Name, widht: 3mm)", 1, 14, "'@field' has no argument 'widht'; did you mean 'width'?")
        expectError("@field(Name, value: a, value: b)", 1, 24, "argument 'value' of '@field' is given twice")
        expectError("@field(Name, Value)", 1, 14, "'@field' takes at most 1 positional argument")
        expectError("@pagebreak(now)", 1, 12, "'@pagebreak' takes at most 0 positional arguments")
        expectError("@checkbox(A, checked: maybe)", 1, 23, "expected yes or no for 'checked' of '@checkbox', found 'maybe'")
        expectError("@columns(0)", 1, 10, "expected a column count from 1 to 12 or widths such as 1fr 2fr for 'widths' of '@columns', found '0'")
        expectError("@table(borders: thick)\n| a |", 1, 17, "expected all or none for 'borders' of '@table', found 'thick'")
    }
}

import TalonPrimitives
import Testing
@testable import Markup

@Suite struct DirectiveTests {
    private let mm = 72 / 25.4

    @Test func cutline() {
        #expect(blocks("@cutline\n@cutline(\"cut here\")\n@cutline()") == [
            .cutLine(label: []), .cutLine(label: [.text("cut here")]), .cutLine(label: []),
        ])
    }

    @Test func field() {
        #expect(blocks("@field(Name)") == [.field(label: [.text("Name")], value: [], style: .line, width: nil)])
        #expect(blocks("@field(Full name, value: **John**, width: 40mm, style: box)") == [
            .field(label: [.text("Full name")], value: [.bold([.text("John")])], style: .box, width: 40 * mm),
        ])
        #expect(blocks("@field(label: Phone)") == [.field(label: [.text("Phone")], value: [], style: .line, width: nil)])
    }

    @Test func bareValuesKeepBalancedParentheses() {
        #expect(blocks("@field(Phone (mobile), value: x)") == [
            .field(label: [.text("Phone (mobile)")], value: [.text("x")], style: .line, width: nil),
        ])
    }

    @Test func quotedValuesKeepCommasParenthesesAndBlanks() {
        #expect(blocks("@field(\"  Date, time (UTC): \", value: \"a \\\" b\")") == [
            .field(label: [.text("  Date, time (UTC): ")], value: [.text("a \" b")], style: .line, width: nil),
        ])
    }

    @Test func checkbox() {
        #expect(blocks("@checkbox(Seals intact)\n@checkbox(Box, checked: yes)\n@checkbox(X, checked: false)") == [
            .checkbox(checked: false, label: [.text("Seals intact")]),
            .checkbox(checked: true, label: [.text("Box")]),
            .checkbox(checked: false, label: [.text("X")]),
        ])
    }

    @Test func signatureAndStamp() {
        #expect(blocks("@signature(Seller)\n@signature\n@stamp(М.П.)\n@stamp") == [
            .signature(caption: [.text("Seller")]), .signature(caption: []),
            .stamp(label: [.text("М.П.")]), .stamp(label: []),
        ])
    }

    @Test func image() {
        #expect(blocks("\n@image(\"photo.png\", width: 30mm, height: 20mm)") == [
            .image(path: "photo.png", width: 30 * mm, height: 20 * mm,
                   location: SourceLocation(file: "test.talon", line: 2, column: 1)),
        ])
        #expect(blocks("@image(logo.png)") == [
            .image(path: "logo.png", width: nil, height: nil, location: SourceLocation(file: "test.talon", line: 1, column: 1)),
        ])
    }

    @Test func barcodeDefaultsAndOptions() {
        let location = SourceLocation(file: "test.talon", line: 1, column: 3)
        #expect(blocks("  @barcode(code128, \"SN-123\")") == [
            .barcode(BarcodeSpec(symbology: .code128, data: "SN-123", location: location)),
        ])
        #expect(blocks("  @barcode(QR, \"https://x.ua/?a=1\", ecc: h, module: 0.6mm, text: none, align: center, height: 12pt)") == [
            .barcode(BarcodeSpec(symbology: .qr, data: "https://x.ua/?a=1", showText: false, moduleWidth: 0.6 * mm,
                                 height: 12, errorCorrection: .H, alignment: .center, location: location)),
        ])
        #expect(blocks("  @barcode(ean13, 4006381333931, text: below)") == [
            .barcode(BarcodeSpec(symbology: .ean13, data: "4006381333931", showText: true, location: location)),
        ])
    }

    @Test func barcodeDataTakesEscapesAndLineBreaks() {
        #expect(blocks("@barcode(qr, \"a\\@b.c@br()2\")") == [
            .barcode(BarcodeSpec(symbology: .qr, data: "a@b.c\n2", location: SourceLocation(file: "test.talon", line: 1, column: 1))),
        ])
    }

    @Test func pagebreakAndSpace() {
        #expect(blocks("@pagebreak\n@space(5mm)\n@space(12)") == [.pageBreak, .spacer(height: 5 * mm), .spacer(height: 12)])
    }

    @Test func keepGroupsBlocks() {
        #expect(blocks("@keep\n# T\ntext\n@end") == [
            .keepTogether([.heading(level: 1, content: [.text("T")]), .paragraph(content: [.text("text")], alignment: nil)]),
        ])
    }

    @Test func keepWithPreviousGroupsBlocks() {
        #expect(blocks("| a |\n\n@keep(with: previous)\ntotal\n@end") == [
            .table(Table(columns: [TableColumn()], headerRows: [], rows: [[TableCell(content: [.text("a")])]])),
            .keepWithPrevious([.paragraph(content: [.text("total")], alignment: nil)]),
        ])
        #expect(parseError("@keep(with: next)\n@end")?.kind
            == .badArgumentValue(directive: "keep", argument: "with", value: "next", expected: "previous"))
    }

    /// The documentation allows 16 nested containers (issue 11: the 16th was refused).
    @Test func sixteenContainersNest() throws {
        let sixteen = String(repeating: "@keep\n", count: 16) + "x\n" + String(repeating: "@end\n", count: 16)
        var block = try #require(blocks(sixteen).first)
        var depth = 0
        while case let .keepTogether(children) = block, let child = children.first {
            depth += 1
            block = child
        }
        #expect(depth == 16)
        let seventeen = String(repeating: "@keep\n", count: 17) + "x\n" + String(repeating: "@end\n", count: 17)
        #expect(parseError(seventeen)?.kind == .nestingTooDeep(limit: 16))
    }

    @Test func columnsSplitAtColumn() {
        #expect(blocks("@columns(1fr 3fr)\nleft\n@column\nright\n@end") == [
            .columns(widths: [0.25, 0.75], columns: [
                [.paragraph(content: [.text("left")], alignment: nil)],
                [.paragraph(content: [.text("right")], alignment: nil)],
            ]),
        ])
        #expect(blocks("@columns(2)\n@column\n@end") == [.columns(widths: [0.5, 0.5], columns: [[], []])])
        #expect(blocks("@columns(1fr, 1fr)\na\n@column\nb\n@end").count == 1)
    }

    /// Whole shares (read by a shortcut) give the same widths as the same shares written
    /// any other way (read by the general reader).
    @Test func columnWidthsAgreeHoweverTheSharesAreWritten() {
        func widths(_ arguments: String) -> [Double]? {
            for count in 1...12 {
                let source = "@columns(\(arguments))\n" + String(repeating: "@column\n", count: count - 1) + "@end"
                if let document = try? MarkupParser.parse(source, file: "columns.talon"),
                   case .columns(let widths, _)? = document.blocks.first {
                    return widths
                }
            }
            return nil
        }
        #expect(widths("3fr 1fr") == [0.75, 0.25])
        #expect(widths("3fr 1fr") == widths("3.0fr 1fr"))
        #expect(widths("01fr\t 3fr") == widths("1fr, 3.00fr"))
        #expect(widths("7fr 5fr 1000fr") == widths("7.0fr 5fr 1e3fr"))
        #expect(widths("1fr 1fr 1fr") == widths("3"))
        #expect(widths("1fr 1001fr") == nil)
        #expect(widths("0fr 1fr") == nil)
    }

    @Test func containersNestAndMayShareALine() {
        #expect(blocks("@keep @columns(2)\na\n@column\n@keep\nb\n@end @end @end") == [
            .keepTogether([.columns(widths: [0.5, 0.5], columns: [
                [.paragraph(content: [.text("a")], alignment: nil)],
                [.keepTogether([.paragraph(content: [.text("b")], alignment: nil)])],
            ])]),
        ])
    }

    @Test func containerNestingIsLimited() {
        let text = String(repeating: "@keep\n", count: 40) + String(repeating: "@end\n", count: 40)
        #expect(parseError(text)?.kind == .nestingTooDeep(limit: BlockParser.maximumDepth))
    }
}

@Suite struct BarcodeEmblemDirectiveTests {
    @Test func hryvniaEmblemOnQRCodes() {
        var spec = BarcodeSpec(symbology: .qr, data: "https://qr.bank.gov.ua/QkNE", errorCorrection: .Q,
                               location: SourceLocation(file: "test.talon", line: 1, column: 1))
        spec.emblem = .hryvnia
        #expect(blocks("@barcode(qr, \"https://qr.bank.gov.ua/QkNE\", emblem: Hryvnia, ecc: Q)") == [.barcode(spec)])
        #expect(blocks("@barcode(qr, x)") == [.barcode(BarcodeSpec(symbology: .qr, data: "x",
                                                                     location: SourceLocation(file: "test.talon", line: 1, column: 1)))])
    }

    @Test func emblemIsRefusedElsewhere() {
        let cases = [
            ("@barcode(code128, x, emblem: hryvnia)", 30, "expected no emblem (only qr has one) for 'emblem' of '@barcode', found 'hryvnia'"),
            ("@barcode(qr, x, emblem: hryvnia, ecc: L)", 25,
             "expected no emblem at ecc L (the sign covers more than L restores) for 'emblem' of '@barcode', found 'hryvnia'"),
            ("@barcode(qr, x, emblem: euro)", 25, "expected hryvnia for 'emblem' of '@barcode', found 'euro'"),
        ]
        for (text, column, message) in cases {
            let error = parseError(text)
            #expect(error?.message == message)
            #expect(error?.location == SourceLocation(file: "test.talon", line: 1, column: column))
        }
    }
}

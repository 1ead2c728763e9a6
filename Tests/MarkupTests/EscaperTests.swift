import Testing
import TestSupport
@testable import Markup

/// The guarantee behind `{{name}}`: escaped text parses back to exactly itself, wherever
/// text goes, so customer data cannot change a document's structure.
@Suite struct EscaperTests {
    static let pieces: [String] = [
        "a", "Z", "7", "12", "1.", "1. ", "- ", "* ", "# ", "## ", "---", "|", "||", "#", "@", "@br", "@page", "@keep",
        "@end", "@barcode(qr, x)", "@span(2)", "**", "*", "__", "_", "\\", "\\*", "\"", ",", ":", "(", ")", "value:",
        "key: ", " ", "  ", "\t", "\n", "\r\n", "\r", "Ж", "ці", "№", "М.П.", "«", "✂", "é", "{{x}}", "<b>", "&", "%",
    ]

    static func randomStrings(seed: UInt64, count: Int) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let length = Int(generator.next() % 14)
            return (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
    }

    /// What `s` parses back to: `\r` dropped, `\n` as line breaks; with `trim`, blanks at both ends removed.
    static func expected(_ s: String, trim: Bool) -> [Inline] {
        var text = String(s.unicodeScalars.filter { $0 != "\r" })
        if trim { text = text.trimmingBlanks() }
        var result: [Inline] = []
        for (index, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { result.append(.lineBreak) }
            if !piece.isEmpty { result.append(.text(String(piece))) }
        }
        return result
    }

    @Test func escapesPunctuationLineFeedsAndCarriageReturns() {
        #expect(MarkupEscaper.escape("a*b|c\r\nd@e") == "a\\*b\\|c@br()d\\@e")
        #expect(MarkupEscaper.escape("Ціна 5") == "Ціна 5")
        #expect(MarkupEscaper.escape("") == "")
    }

    /// The byte form used while rendering templates adds to what is there and writes the
    /// same bytes as the string form, punctuation, line ends and all.
    @Test func appendingFormMatchesStringForm() {
        for s in Self.randomStrings(seed: 7, count: 400) + ["", "Ж\n*", "\r\r", "plain words"] {
            var bytes = Array("x|".utf8)
            MarkupEscaper.append(s, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x|" + MarkupEscaper.escape(s), "for \(s.debugDescription)")
        }
    }

    @Test func paragraphRoundTrip() throws {
        for s in Self.randomStrings(seed: 1, count: 600) {
            let document = try MarkupParser.parse("Before\n\n" + MarkupEscaper.escape(s) + "\n\nAfter", file: "p")
            let expected = Self.expected(s, trim: true)
            let middle: [Block] = expected.isEmpty ? [] : [.paragraph(content: expected, alignment: nil)]
            #expect(document.blocks == [.paragraph(content: [.text("Before")], alignment: nil)] + middle
                + [.paragraph(content: [.text("After")], alignment: nil)], "\(s.debugDescription)")
        }
    }

    @Test func paragraphContinuationRoundTrip() throws {
        for s in Self.randomStrings(seed: 2, count: 300) {
            let document = try MarkupParser.parse("Failure: " + MarkupEscaper.escape(s) + ".", file: "p")
            #expect(document.blocks == [.paragraph(content: Self.merge([.text("Failure: ")] + Self.expected(s, trim: false)
                + [.text(".")]), alignment: nil)], "\(s.debugDescription)")
        }
    }

    @Test func tableCellRoundTrip() throws {
        for s in Self.randomStrings(seed: 3, count: 600) {
            let document = try MarkupParser.parse("| Model | No |\n|---|---|\n| " + MarkupEscaper.escape(s) + " | x |", file: "t")
            guard case let .table(table)? = document.blocks.first else {
                Issue.record("no table for \(s.debugDescription)")
                continue
            }
            #expect(document.blocks.count == 1)
            #expect(table.headerRows.count == 1 && table.columns.count == 2, "\(s.debugDescription)")
            #expect(table.rows == [[TableCell(content: Self.expected(s, trim: true)), TableCell(content: [.text("x")])]],
                    "\(s.debugDescription)")
        }
        for s in Self.randomStrings(seed: 4, count: 600) {
            let document = try MarkupParser.parse("| " + MarkupEscaper.escape(s) + " | x |", file: "t")
            #expect(document.blocks == [.table(Table(
                columns: [TableColumn(), TableColumn()], headerRows: [],
                rows: [[TableCell(content: Self.expected(s, trim: true)), TableCell(content: [.text("x")])]]))],
                "\(s.debugDescription)")
        }
    }

    @Test func quotedArgumentRoundTrip() throws {
        for s in Self.randomStrings(seed: 5, count: 600) {
            let document = try MarkupParser.parse("@field(Name, value: \"" + MarkupEscaper.escape(s) + "\")", file: "a")
            #expect(document.blocks == [.field(label: [.text("Name")], value: Self.expected(s, trim: false), style: .line,
                                               width: nil)], "\(s.debugDescription)")
        }
    }

    @Test func bareArgumentRoundTrip() throws {
        for s in Self.randomStrings(seed: 6, count: 600) {
            let document = try MarkupParser.parse("@field(Name, value: " + MarkupEscaper.escape(s) + ", style: box)", file: "a")
            #expect(document.blocks == [.field(label: [.text("Name")], value: Self.expected(s, trim: true), style: .box,
                                               width: nil)], "\(s.debugDescription)")
            let label = Self.expected(s, trim: true).isEmpty ? "x" + s : s
            let labelled = try MarkupParser.parse("@checkbox(" + MarkupEscaper.escape(label) + ")", file: "a")
            #expect(labelled.blocks == [.checkbox(checked: false, label: Self.expected(label, trim: true))],
                    "\(label.debugDescription)")
        }
    }

    @Test func plainArgumentRoundTrip() throws {
        for s in Self.randomStrings(seed: 7, count: 400) where !s.unicodeScalars.filter({ $0 != "\r" }).isEmpty {
            let document = try MarkupParser.parse("@barcode(qr, \"" + MarkupEscaper.escape(s) + "\")", file: "b")
            guard case let .barcode(spec)? = document.blocks.first else {
                Issue.record("no barcode for \(s.debugDescription)")
                continue
            }
            #expect(spec.data == String(s.unicodeScalars.filter { $0 != "\r" }), "\(s.debugDescription)")
        }
    }

    @Test func headingAndListItemRoundTrip() throws {
        for s in Self.randomStrings(seed: 8, count: 300) where !s.trimmingBlanks().isEmpty {
            let escaped = MarkupEscaper.escape(s)
            let heading = try MarkupParser.parse("## " + escaped, file: "h")
            #expect(heading.blocks == [.heading(level: 2, content: Self.expected(s, trim: true))], "\(s.debugDescription)")
            let list = try MarkupParser.parse("- " + escaped + "\n- x", file: "l")
            #expect(list.blocks == [.list(ordered: false, start: 1, items: [
                [.paragraph(content: Self.expected(s, trim: true), alignment: nil)],
                [.paragraph(content: [.text("x")], alignment: nil)],
            ])], "\(s.debugDescription)")
        }
    }

    @Test func frontMatterTitleRoundTrip() throws {
        for s in Self.randomStrings(seed: 9, count: 300) {
            let document = try MarkupParser.parse("---\ntitle: " + MarkupEscaper.escape(s) + "\n---\n", file: "f")
            let expected = String(s.unicodeScalars.filter { $0 != "\r" }).trimmingBlanks()
            #expect(document.setup.title == expected, "\(s.debugDescription)")
        }
    }

    /// Adjacent text runs joined, as the parser produces them.
    static func merge(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case let .text(next) = inline, case let .text(previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }
}

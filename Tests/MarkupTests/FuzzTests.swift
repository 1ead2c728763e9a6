import Testing
import TestSupport
@testable import Markup

/// Deterministic fuzzing: whatever the input, parsing returns a document or an error whose
/// location is inside the input, and the renderers accept every document it returns.
@Suite struct FuzzTests {
    static let tokens: [String] = [
        "**", "*", "__", "_", "@br", "@page", "@pages", "@keep", "@end", "@columns(2)", "@columns(1fr 2fr)", "@column",
        "|", "|---|", "|:---:|", "---:", "\n", "\n\n", "- ", "  - ", "1. ", "# ", "#### ", "---", "---\n", "@field(",
        "@barcode(qr, ", "@barcode(code39, x)", ")", "(", "\"", "\\", ",", "value: ", "width: 3mm", "12qq", "a", "Ж",
        " ", "\t", "\r\n", "@table(borders: none)\n", "@align(center)\n", "@span(2)", "@span(99)", "page: A4\n",
        "title: x\n", "@image(", "@space(", "@nope", "@", "№", "✂", "\u{0}", "\u{FEFF}", "0", "99999999999. ",
    ]

    static let validDocuments: [String] = [
        "---\npage: A5\nmargins: 10mm\n---\n# Card\n\n| a | b |\n|---|---:|\n| 1 | 2 |\n\n- x\n  - y\n",
        "@keep\n@field(Name, value: \"x, y\", width: 30mm)\n@checkbox(A, checked: yes)\n@end\n@columns(2)\na\n@column\nb\n@end",
        "Some **bold** and *it* __u__ @br @page/@pages\n\n@barcode(code128, \"SN-1\", text: below) @signature(S) @stamp(М.П.)",
    ]

    /// Checks one input: no crash, and an error (if any) points inside the input at its own line.
    static func check(_ input: String) {
        let source = SourceText(input, file: "fuzz")
        do {
            let document = try MarkupParser.parse(input, file: "fuzz")
            _ = document.debugDump()
            _ = PlainTextRenderer(width: 20).render(document)
            _ = HTMLRenderer(includeImages: true).render(document)
        } catch {
            let line = error.location.line
            #expect(error.location.file == "fuzz")
            #expect(source.lines.indices.contains(line - 1), "line \(line) outside \(input.debugDescription)")
            guard source.lines.indices.contains(line - 1) else { return }
            let span = source.lines[line - 1]
            #expect((1...(span.end - span.start + 1)).contains(error.location.column),
                    "column \(error.location.column) outside \(input.debugDescription)")
            #expect(error.sourceLine == source.text(ofLine: line - 1))
            #expect(!error.description.isEmpty)
        }
    }

    @Test func randomBytes() {
        var generator = SeededGenerator(seed: 0x7A10)
        for _ in 0..<1500 {
            let bytes = (0..<Int(generator.next() % 160)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            Self.check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomTokenMixes() {
        var generator = SeededGenerator(seed: 0x7A11)
        for _ in 0..<3000 {
            let count = Int(generator.next() % 40)
            Self.check((0..<count).map { _ in Self.tokens[Int(generator.next() % UInt64(Self.tokens.count))] }.joined())
        }
    }

    @Test func mutatedValidDocuments() {
        var generator = SeededGenerator(seed: 0x7A12)
        for round in 0..<3000 {
            var scalars = Array(Self.validDocuments[round % Self.validDocuments.count].unicodeScalars)
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let position = Int(generator.next() % UInt64(scalars.count + 1))
                let token = Array(Self.tokens[Int(generator.next() % UInt64(Self.tokens.count))].unicodeScalars)
                switch generator.next() % 3 {
                case 0 where position < scalars.count: scalars.remove(at: position)
                case 1 where position < scalars.count: scalars[position] = token.first ?? "x"
                default: scalars.insert(contentsOf: token, at: position)
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            Self.check(String(view))
        }
    }

    @Test func pathologicalInputsStayFast() {
        // Quadratic behaviour would show up here as a very slow test, not as a failure.
        Self.check(String(repeating: "*a ", count: 20_000))
        Self.check(String(repeating: "**", count: 20_000))
        Self.check(String(repeating: "@keep ", count: 5_000))
        Self.check(String(repeating: "|", count: 50_000))
        Self.check(String(repeating: "- ", count: 10_000))
        Self.check(String(repeating: "  ", count: 10_000) + "- x")
        Self.check(String(repeating: "\\", count: 50_000))
        Self.check(String(repeating: "@field(", count: 2_000))
        Self.check("@columns(" + String(repeating: "1fr ", count: 5_000) + ")")
    }
}

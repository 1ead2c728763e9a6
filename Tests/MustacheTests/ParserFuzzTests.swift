import Mustache
import Testing
import TestSupport

/// Deterministic pseudo-random inputs for the parser and renderer: nothing may crash or hang,
/// and every failure must be a `TemplateError` located inside its input.
@Suite struct ParserFuzzTests {
    static let pieces = ["{{", "}}", "{{{", "}}}", "#", "^", "/", ">", "<", "$", "!", "=", "&", "|", ":", "\"",
                         " ", "\n", "\r\n", "\t", "a", "b", "a.b", ".", "p", "x", "ї", "😀", "date", "upper",
                         "default: \"-\"", "{{=<% %>=}}", "<%", "%>", "{{#a}}", "{{/a}}", "{{>p}}", "{{<p}}",
                         "{{/p}}", "{{$b}}", "{{/b}}", "1", "\\"]

    static let validTemplates = [
        "Card {{number}}\n{{#items}}\n  {{n}}. {{name | upper}}\n{{/items}}\n{{^items}}none{{/items}}\n",
        "{{<p}}{{$b}}\n  body {{x | default: \"—\"}}\n{{/b}}{{/p}}\n",
        "{{=<% %>=}}<%#a%>[<%{x}%>]<%/a%>\n  <%>p%>\n",
        "{{! note }}\n{{> p}}\n{{a.b.c | date: \"dd.MM.yyyy\"}} {{&raw}}\n",
    ]

    static let partials = TemplateLibrary(templates: [
        "p": "[{{$b}}default {{a}}{{/b}}]\n  {{#a}}{{.}}{{/a}}\n",
    ])

    static let data: TemplateValue = [
        "a": [1, "two", ["b": ["c": "2024-01-31"]]], "x": "<&>", "items": [["n": 1, "name": "ж"]], "number": 7,
    ]

    private func checkLocation(_ error: TemplateError, in source: String, file: String) {
        guard error.location.file == file else { return } // located in a partial
        let lines = source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        #expect((1...lines.count).contains(error.location.line), "line \(error.location) in \(source.debugDescription)")
        if (1...lines.count).contains(error.location.line) {
            let length = lines[error.location.line - 1].count
            #expect((1...length + 1).contains(error.location.column), "column \(error.location) in \(source.debugDescription)")
        }
        #expect(!error.message.isEmpty)
    }

    /// Compiles and renders; returns whether the source compiled.
    @discardableResult
    private func exercise(_ source: String) -> Bool {
        let (template, errors) = Template.compile(source: source, name: "fuzz")
        for error in errors { checkLocation(error, in: source, file: "fuzz") }
        guard let template else {
            #expect(!errors.isEmpty, "no template and no error for \(source.debugDescription)")
            return false
        }
        for options in [RenderOptions(), RenderOptions(escaper: .none, locale: .uk, strict: true)] {
            do {
                _ = try template.render(Self.data, partials: Self.partials, options: options)
            } catch {
                checkLocation(error, in: source, file: "fuzz")
                for detail in error.details { checkLocation(detail, in: source, file: "fuzz") }
            }
        }
        return true
    }

    @Test func randomPiecesNeverCrash() {
        var generator = SeededGenerator(seed: 20_240_229)
        var compiled = 0, rejected = 0
        for _ in 0..<4000 {
            var source = ""
            for _ in 0..<generator.below(40) { source += Self.pieces[generator.below(Self.pieces.count)] }
            if exercise(source) { compiled += 1 } else { rejected += 1 }
        }
        // Both paths must be exercised, or the generator is not testing much.
        #expect(compiled > 100 && rejected > 100)
    }

    @Test func randomScalarsNeverCrash() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<generator.below(60) {
                let pick = generator.below(10)
                let value = pick < 6 ? UInt32(0x20 + generator.below(0x5F)) : pick < 8 ? UInt32(generator.below(0x20))
                    : UInt32(0xA0 + generator.below(0x3000))
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            exercise(String(scalars))
        }
    }

    @Test func mutatedTemplatesNeverCrash() {
        var generator = SeededGenerator(seed: 42)
        var compiled = 0, rejected = 0
        for round in 0..<4000 {
            var bytes = Array(Self.validTemplates[round % Self.validTemplates.count].utf8)
            for _ in 0..<(1 + generator.below(4)) {
                let at = generator.below(bytes.count + 1)
                switch generator.below(4) {
                case 0 where !bytes.isEmpty:
                    bytes.removeSubrange(at..<min(bytes.count, at + 1 + generator.below(6)))
                case 1:
                    bytes.insert(contentsOf: Array(Self.pieces[generator.below(Self.pieces.count)].utf8), at: at)
                case 2 where at < bytes.count:
                    bytes[at] = UInt8(0x20 + generator.below(0x5F))
                default:
                    let end = min(bytes.count, at + generator.below(12))
                    bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
                }
            }
            if exercise(String(decoding: bytes, as: UTF8.self)) { compiled += 1 } else { rejected += 1 }
        }
        #expect(compiled > 100 && rejected > 100)
    }

    @Test func exponentialPartialsStopWithAnError() {
        let library = TemplateLibrary(templates: ["p": "{{>p}}{{>p}}"])
        let error = templateError { try library.render(name: "p", data: [:]) }
        #expect(error?.kind == .recursionLimit)
    }
}

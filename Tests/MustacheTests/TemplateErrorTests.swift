import Mustache
import Testing

/// Syntax errors: where they point and exactly what they say.
@Suite struct TemplateErrorTests {
    /// The public API throws `TemplateError` (formatters `FormatterFailure`) and nothing
    /// else: each `catch` below binds the typed error, which would not compile otherwise.
    @Test func typedThrows() {
        var errors: [TemplateError] = []
        do { _ = try Template(source: "{{#a}}", name: "t") } catch { errors.append(error) }
        do { _ = try TemplateValue(jsonText: "{,}", file: "d.json") } catch { errors.append(error) }
        do { _ = try TemplateLibrary().template(named: "none") } catch { errors.append(error) }
        do { _ = try TemplateLibrary(templates: ["p": "{{/x}}"]).template(named: "p") } catch { errors.append(error) }
        do {
            _ = try Template(source: "{{>p}}", name: "t").render([:], partials: TemplateLibrary())
        } catch { errors.append(error) }
        #expect(errors.map(\.kind) == [.unclosedSection("a"), .invalidData, .missingPartial("none"), .mismatchedClose(expected: nil, found: "x"), .missingPartial("p")])
        var failure: FormatterFailure?
        do { _ = try FormatterSet.standard["date"]?.apply(.string("nope")) } catch { failure = error }
        #expect(failure?.message.hasPrefix("date expects an ISO date") == true)
    }

    @Test func unclosedSectionPointsAtTheEndAndNamesTheOpening() {
        let source = "Card\n{{#items}}\n  {{name}}\n"
        let error = templateError { try Template(source: source, name: "warranty-card.mustache") }
        #expect(error?.kind == .unclosedSection("items"))
        #expect(error?.rendered == """
            warranty-card.mustache:4:1: error: section 'items' opened at 2:1 is not closed

            ^
            """)
        let last = templateError { try Template(source: "a\n  {{^x}}zz", name: "w.mustache") }
        #expect(last?.summary == "w.mustache:2:11: error: inverted section 'x' opened at 2:3 is not closed")
    }

    @Test func mismatchedClosingTag() {
        let error = templateError { try Template(source: "{{#a}}\n{{#b}}\n {{/a}}", name: "t.mustache") }
        #expect(error?.kind == .mismatchedClose(expected: "b", found: "a"))
        #expect(error?.rendered == """
            t.mustache:3:2: error: expected '{{/b}}' to close the section opened at 2:1, found '{{/a}}'
             {{/a}}
             ^
            """)
        let stray = templateError { try Template(source: "x {{/a}}", name: "t.mustache") }
        #expect(stray?.summary == "t.mustache:1:3: error: closing tag 'a' has no open section")
    }

    @Test func unclosedTag() {
        let error = templateError { try Template(source: "Dear {{name,\nthanks", name: "t.mustache") }
        #expect(error?.summary == "t.mustache:1:6: error: tag is not closed: expected '}}'")
        let triple = templateError { try Template(source: "{{{raw}}", name: "t.mustache") }
        #expect(triple?.summary == "t.mustache:1:1: error: tag is not closed: expected '}}}'")
    }

    @Test func badDelimiters() {
        for source in ["{{=<%=}}", "{{=a b c=}}", "{{= =}}", "{{=<= =>=}}"] {
            let error = templateError { try Template(source: source, name: "t") }
            #expect(error?.message == "expected two delimiters without '=' or spaces, like {{=<% %>=}}", "\(source)")
        }
    }

    @Test func badNames() {
        #expect(templateError { try Template(source: "{{}}", name: "t") }?.message == "expected a name")
        #expect(templateError { try Template(source: "{{a..b}}", name: "t") }?.message
                == "expected a name like 'a' or 'a.b', found 'a..b'")
        #expect(templateError { try Template(source: "{{>}}", name: "t") }?.message == "expected a partial name")
        #expect(templateError { try Template(source: "{{>a b}}", name: "t") }?.location.column == 5)
    }

    @Test func columnsCountCharactersAndTabsStayInTheCaretLine() {
        let error = templateError { try Template(source: "\tЦіна: {{/x}}", name: "t") }
        #expect(error?.location.column == 8)
        #expect(error?.rendered.hasSuffix("\n\tЦіна: {{/x}}\n\t      ^") == true)
    }

    @Test func tooDeepNestingIsAnError() {
        let source = String(repeating: "{{#a}}", count: 150) + String(repeating: "{{/a}}", count: 150)
        #expect(templateError { try Template(source: source, name: "t") }?.message == "sections nest deeper than 100 levels")
    }

    @Test func strictModeListsEveryMissingValue() throws {
        let template = try Template(source: "{{a}} {{b.c}}\n{{#list}}{{d}}{{/list}}{{note | default: \"-\"}}{{#gone}}{{/gone}}",
                                    name: "s.mustache")
        let data: TemplateValue = ["a": 1, "b": [:], "list": [1, 2]]
        #expect(try template.render(data) == "1 \n-")
        let error = templateError { try template.render(data, options: RenderOptions(strict: true)) }
        #expect(error?.kind == .missingValues(["b.c", "d", "d"]))
        #expect(error?.rendered == """
            s.mustache:1:7: error: 3 missing values: b.c, d, d
            s.mustache:1:7: error: missing value 'b.c'
            {{a}} {{b.c}}
                  ^
            s.mustache:2:10: error: missing value 'd'
            {{#list}}{{d}}{{/list}}{{note | default: "-"}}{{#gone}}{{/gone}}
                     ^
            s.mustache:2:10: error: missing value 'd'
            {{#list}}{{d}}{{/list}}{{note | default: "-"}}{{#gone}}{{/gone}}
                     ^
            """)
        #expect(try template.render(["a": 1, "b": ["c": nil], "list": [["d": 0]]], options: RenderOptions(strict: true)) == "1 \n0-")
    }

    @Test func formatterFailuresAtRenderTimeAreLocated() {
        let error = templateError { try render("a\nb {{x | number}}", ["x": "many"]) }
        #expect(error?.summary == "test.mustache:2:9: error: number expects a number, got \"many\"")
    }
}

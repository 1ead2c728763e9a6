import Mustache
import Testing

@Suite struct SectionTests {
    @Test func truthyAndFalseyValues() throws {
        let template = "{{#v}}yes{{/v}}{{^v}}no{{/v}}"
        let cases: [(TemplateValue, String)] = [
            (true, "yes"), (false, "no"), (nil, "no"), ("", "no"), ("x", "yes"), (0, "no"), (5, "yes"),
            ([], "no"), ([1], "yes"), ([:], "yes"),
        ]
        for (value, expected) in cases {
            #expect(try render(template, ["v": value]) == expected, "value \(value)")
        }
        #expect(try render(template, [:]) == "no")
    }

    @Test func listsRepeatTheirContentPerItem() throws {
        let data: TemplateValue = ["items": [["n": 1], ["n": 2], ["n": 3]]]
        #expect(try render("{{#items}}<{{n}}>{{/items}}", data) == "<1><2><3>")
    }

    @Test func mapsBecomeTheContext() throws {
        let data: TemplateValue = ["card": ["number": "W-1"], "number": "outer"]
        #expect(try render("{{#card}}{{number}}{{/card}}", data) == "W-1")
    }

    @Test func scalarsArePushedForTheImplicitIterator() throws {
        #expect(try render("{{#word}}{{.}} is {{word}}{{/word}}", ["word": "ok"]) == "ok is ok")
    }

    @Test func nestedSectionsSeeEveryOuterContext() throws {
        let data: TemplateValue = ["a": ["one": 1], "b": ["two": 2], "c": ["three": 3]]
        #expect(try render("{{#a}}{{#b}}{{#c}}{{one}}{{two}}{{three}}{{/c}}{{/b}}{{/a}}", data) == "123")
    }

    @Test func nestedListsAndTheImplicitIterator() throws {
        let data: TemplateValue = ["rows": [["a", "b"], ["c"]]]
        #expect(try render("{{#rows}}[{{#.}}{{.}}{{/.}}]{{/rows}}", data) == "[ab][c]")
    }

    @Test func dottedSectionNames() throws {
        let data: TemplateValue = ["a": ["b": ["c": true]]]
        #expect(try render("{{#a.b.c}}on{{/a.b.c}}|{{^a.b.x}}off{{/a.b.x}}", data) == "on|off")
        #expect(try render("{{#a.z.c}}on{{/a.z.c}}", data) == "")
    }

    @Test func sectionMissesAreEmpty() throws {
        #expect(try render("[{{#missing}}x{{/missing}}]") == "[]")
        #expect(try render("[{{^missing}}x{{/missing}}]") == "[x]")
    }

    @Test func sameSectionTwice() throws {
        let template = "{{#on}}\n* one\n{{/on}}\n* two\n{{#on}}\n* three\n{{/on}}\n"
        #expect(try render(template, ["on": true]) == "* one\n* two\n* three\n")
        #expect(try render(template, ["on": false]) == "* two\n")
    }

    @Test func inlineSectionsKeepSurroundingWhitespace() throws {
        #expect(try render(" | {{#on}}\t|\t{{/on}} | \n", ["on": true]) == " | \t|\t | \n")
        #expect(try render(" {{#on}}YES{{/on}}\n {{#on}}GOOD{{/on}}\n", ["on": true]) == " YES\n GOOD\n")
        #expect(try render("|{{# on }}={{/ on }}|", ["on": true]) == "|=|")
    }

    @Test func standaloneSectionLinesDisappear() throws {
        let template = "| A\n  {{#on}}\n| B\n  {{/on}}\n| C\n"
        #expect(try render(template, ["on": true]) == "| A\n| B\n| C\n")
        #expect(try render("|\r\n{{#on}}\r\n{{/on}}\r\n|", ["on": true]) == "|\r\n|")
        #expect(try render("  {{#on}}\n#{{/on}}\n/", ["on": true]) == "#\n/")
        #expect(try render("#{{#on}}\n/\n  {{/on}}", ["on": true]) == "#\n/\n")
        #expect(try render("  {{^off}}\n#\n  {{/off}}\n", ["off": false]) == "#\n")
    }

    @Test func invertedSectionsOnLists() throws {
        #expect(try render("{{^list}}none{{/list}}", ["list": []]) == "none")
        #expect(try render("{{^list}}none{{/list}}", ["list": [1]]) == "")
    }
}

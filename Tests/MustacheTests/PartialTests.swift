import Mustache
import TalonPrimitives
import Testing

@Suite struct PartialTests {
    @Test func partialsRenderInTheCurrentContext() throws {
        #expect(try render("<{{>p}}>", partials: ["p": "inside"]) == "<inside>")
        #expect(try render("<{{>p}}>", ["who": "Taras"], partials: ["p": "*{{who}}*"]) == "<*Taras*>")
        #expect(try render("{{#card}}{{>p}}{{/card}}", ["card": ["who": "Ira"]], partials: ["p": "{{who}}"]) == "Ira")
        #expect(try render("|{{> p }}|", partials: ["p": "[]"]) == "|[]|")
    }

    @Test func partialsRecurseOverData() throws {
        let data: TemplateValue = ["label": "1", "kids": [["label": "2", "kids": [["label": "3", "kids": []]]]]]
        #expect(try render("{{>tree}}", data, partials: ["tree": "{{label}}({{#kids}}{{>tree}}{{/kids}})"]) == "1(2(3()))")
    }

    @Test func partialsNest() throws {
        let partials = ["outer": "[{{>inner}}]", "inner": "<{{v}}>"]
        #expect(try render("{{>outer}}", ["v": 1], partials: partials) == "[<1>]")
    }

    @Test func inlinePartialsKeepWhitespaceAndAreNotIndented() throws {
        #expect(try render("| {{>p}} |", partials: ["p": "\t|\t"]) == "| \t|\t |")
        #expect(try render("  {{v}}  {{> p}}\n", ["v": "|"], partials: ["p": ">\n>"]) == "  |  >\n>\n")
    }

    @Test func standalonePartialLines() throws {
        #expect(try render("|\r\n{{>p}}\r\n|", partials: ["p": ">"]) == "|\r\n>|")
        #expect(try render("  {{>p}}\n>", partials: ["p": ">\n>"]) == "  >\n  >>")
        #expect(try render(">\n  {{>p}}", partials: ["p": ">\n>"]) == ">\n  >\n  >")
    }

    @Test func standaloneIndentationGoesOnTemplateLinesNotOnValueLines() throws {
        let partials = ["p": "|\n{{{v}}}-{{{v}}}\n|\n"]
        #expect(try render("^\n  {{>p}}\n$\n", ["v": "a\nb"], partials: partials) == "^\n  |\n  a\nb-a\nb\n  |\n$\n")
    }

    @Test func indentationAddsUpThroughNestedPartials() throws {
        let partials = ["outer": "o1\n  {{>inner}}\no2\n", "inner": "i1\ni2\n"]
        #expect(try render("  {{>outer}}\n", partials: partials) == "  o1\n    i1\n    i2\n  o2\n")
    }

    @Test func indentationSkipsStandaloneLinesInsideThePartial() throws {
        let partials = ["p": "{{#on}}\nline\n{{/on}}\n{{^on}}\nnone\n{{/on}}\n"]
        #expect(try render("  {{>p}}\n", ["on": true], partials: partials) == "  line\n")
        #expect(try render("  {{>p}}\n", ["on": false], partials: partials) == "  none\n")
    }

    @Test func missingPartialIsAnErrorAtTheTag() throws {
        let error = templateError { try render("ok\n  {{>gone}}\n") }
        #expect(error?.kind == .missingPartial("gone"))
        #expect(error?.location == SourceLocation(file: "test.mustache", line: 2, column: 3))
        #expect(error?.rendered == "test.mustache:2:3: error: partial 'gone' not found\n  {{>gone}}\n  ^")
    }

    @Test func missingPartialsCanBeAllowedForSpecConformance() throws {
        let options = RenderOptions(allowsMissingPartials: true)
        #expect(try render("\"{{>gone}}\"", options: options) == "\"\"")
    }

    @Test func endlessRecursionIsAnErrorNotACrash() throws {
        let error = templateError { try render("{{>loop}}", partials: ["loop": "x{{>loop}}"]) }
        #expect(error?.kind == .recursionLimit)
        #expect(error?.location.file == "loop")
    }
}

/// `{{>*path}}` and `{{<*path}}`: the partial's name comes from the data.
@Suite struct DynamicNameTests {
    @Test func theNameIsTheValueAtThePath() throws {
        let partials = ["photo": "<img {{src}}>", "note": "{{text}}"]
        let data: TemplateValue = ["items": [["kind": "note", "text": "hi"], ["kind": "photo", "src": "a.jpg"]]]
        #expect(try render("{{#items}}{{>*kind}};{{/items}}", data, partials: partials) == "hi;<img a.jpg>;")
        #expect(try render("|{{> * pick.name }}|", ["pick": ["name": "note"], "text": "t"], partials: partials) == "|t|")
        #expect(try render("{{>*kind}}", ["kind": "note", "*kind": "photo", "text": "x"], partials: partials) == "x")
    }

    @Test func dynamicNamesDoNotPushContext() throws {
        let data: TemplateValue = ["one": ["v": "one"], "two": ["name": "show", "v": "two"]]
        #expect(try render("{{#one}}{{>*two.name}}{{/one}}", data, partials: ["show": "{{v}}"]) == "one")
    }

    @Test func standaloneDynamicPartialsAreIndented() throws {
        #expect(try render("  {{>*p}}\n>", ["p": "two"], partials: ["two": "a\nb"]) == "  a\n  b>")
    }

    @Test func dynamicParents() throws {
        let partials = ["wide": "[{{$b}}w{{/b}}]", "narrow": "({{$b}}n{{/b}})"]
        #expect(try render("{{<*frame}}{{$b}}x{{/b}}{{/*frame}}", ["frame": "narrow"], partials: partials) == "(x)")
    }

    @Test func aMissingNameIsAnErrorUnlessAllowed() throws {
        let error = templateError { try render("x{{>*nothing}}") }
        #expect(error?.summary == "test.mustache:1:2: error: dynamic partial name 'nothing' has no text value")
        #expect(try render("\"{{>*nothing}}\"", options: RenderOptions(allowsMissingPartials: true)) == "\"\"")
        let outside = templateError { try render("{{>*p}}", ["p": "../x"]) }
        #expect(outside?.kind == .partialOutsideDirectories("../x"))
    }
}

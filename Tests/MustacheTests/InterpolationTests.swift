import Mustache
import Testing

@Suite struct InterpolationTests {
    @Test func plainTextPassesThrough() throws {
        #expect(try render("Warranty card, no tags.\n") == "Warranty card, no tags.\n")
        #expect(try render("") == "")
    }

    @Test func valuesAreInserted() throws {
        #expect(try render("Model: {{model}}!", ["model": "XR-200"]) == "Model: XR-200!")
    }

    @Test func htmlEscapingCoversFiveCharacters() throws {
        let data: TemplateValue = ["note": "a & b < c > d \" e ' f"]
        #expect(try render("{{note}}", data) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(try render("{{{note}}}", data) == "a & b < c > d \" e ' f")
        #expect(try render("{{&note}}", data) == "a & b < c > d \" e ' f")
    }

    @Test func escaperIsARenderOption() throws {
        let data: TemplateValue = ["note": "cut | 2 dents #3 <b>"]
        let markup = Escaper { text in
            var out = ""
            for character in text {
                if "|#*_\\".contains(character) { out.append("\\") }
                out.append(character)
            }
            return out
        }
        #expect(try render("{{note}}", data, options: RenderOptions(escaper: markup)) == "cut \\| 2 dents \\#3 <b>")
        #expect(try render("{{{note}}}", data, options: RenderOptions(escaper: markup)) == "cut | 2 dents #3 <b>")
        #expect(try render("{{note}}", data, options: RenderOptions(escaper: .none)) == "cut | 2 dents #3 <b>")
    }

    /// An appending escaper writes into the output itself; it sees each value's text
    /// (numbers too) and is skipped by triple mustaches like any other escaper.
    @Test func appendingEscaperWritesIntoTheOutput() throws {
        let data: TemplateValue = ["note": "a|b", "n": 7]
        let bars = Escaper(appending: { text, output in
            for byte in text.utf8 {
                if byte == UInt8(ascii: "|") || byte == UInt8(ascii: "7") { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            }
        })
        let options = RenderOptions(escaper: bars)
        #expect(try render("[{{note}}] {{n}} {{{note}}}", data, options: options) == "[a\\|b] \\7 a|b")
        #expect(bars.escape("x|y") == "x\\|y")
    }

    @Test func numbersPrintWithoutNeedlessDecimals() throws {
        #expect(try render("{{n}}", ["n": 36]) == "36")
        #expect(try render("{{n}}", ["n": .number(TemplateNumber(text: "2.500")!)]) == "2.5")
        #expect(try render("{{n}}", ["n": .number(TemplateNumber(text: "-0.125")!)]) == "-0.125")
        #expect(try render("{{{n}}} {{&n}}", ["n": 7]) == "7 7")
        let big = try TemplateValue(jsonText: #"{"n": 123456789012345678901234567890}"#)
        #expect(try render("{{n}}", big) == "123456789012345678901234567890")
    }

    @Test func nullAndMissingRenderNothing() throws {
        #expect(try render("[{{gone}}]", ["gone": nil]) == "[]")
        #expect(try render("[{{nowhere}}|{{{nowhere}}}|{{&nowhere}}]") == "[||]")
        #expect(try render("[{{flag}}]", ["flag": false]) == "[false]")
    }

    @Test func spacesInsideTagsAreIgnored() throws {
        #expect(try render("|{{ a }}|{{{ a }}}|{{& a }}|", ["a": "x"]) == "|x|x|x|")
    }

    @Test func valueTagsAreNeverStandalone() throws {
        #expect(try render("  {{a}}\n", ["a": "x"]) == "  x\n")
        #expect(try render("  {{{a}}}\n", ["a": "x"]) == "  x\n")
        #expect(try render("  {{a}}\n", [:]) == "  \n")
    }

    @Test func dottedNamesWalkIntoMaps() throws {
        let data: TemplateValue = ["claim": ["customer": ["name": "Olena"]]]
        #expect(try render("{{claim.customer.name}}", data) == "Olena")
        #expect(try render("{{#claim}}{{customer.name}}{{/claim}}", data) == "Olena")
        #expect(try render("{{claim.nobody.name}}", data) == "")
    }

    @Test func dottedNamesResolveOnlyTheFirstPartThroughTheStack() throws {
        // Once `a` is found, `a.b.c` must be inside it: no falling back to an outer `c`.
        let data: TemplateValue = ["a": ["b": [:]], "c": "outer"]
        #expect(try render("{{a.b.c}}", data) == "")
        // Inside `a`, `b.c` finds `a.b` first, which has no `c`; the outer `b.c` is masked.
        let masked: TemplateValue = ["a": ["b": [:]], "b": ["c": "outer"]]
        #expect(try render("{{#a}}[{{b.c}}]{{/a}}", masked) == "[]")
        // The first part may come from any level of the stack.
        let outer: TemplateValue = ["a": ["x": 1], "b": ["c": "found"]]
        #expect(try render("{{#a}}{{b.c}}{{/a}}", outer) == "found")
    }

    @Test func aLeadingDotLooksOnlyInTheCurrentContext() throws {
        let data: TemplateValue = ["empty": [:], "full": ["label": "inner"], "label": "outer"]
        #expect(try render("[{{#empty}}{{.label}}{{/empty}}|{{#full}}{{.label}}{{/full}}|{{#empty}}{{label}}{{/empty}}]", data)
                == "[|inner|outer]")
    }

    @Test func aDotInAKeyIsNotADottedName() throws {
        #expect(try render("[{{a.b}}]", ["a.b": "flat"]) == "[]")
    }

    @Test func dottedNamesReachEveryKindOfValue() throws {
        let data: TemplateValue = ["a": ["s": "<x>", "n": 2, "t": true]]
        #expect(try render("{{a.s}} {{{a.s}}} {{a.n}} {{a.t}}", data) == "&lt;x&gt; <x> 2 true")
    }

    @Test func implicitIteratorPrintsTheCurrentItem() throws {
        #expect(try render("{{#list}}({{.}}){{/list}}", ["list": ["a", "<b>", 3]]) == "(a)(&lt;b&gt;)(3)")
        #expect(try render("{{#list}}({{{.}}}){{/list}}", ["list": ["<b>"]]) == "(<b>)")
        #expect(try render("{{.}}", "top") == "top")
    }

    @Test func innerContextsShadowOuterOnes() throws {
        let data: TemplateValue = ["name": "outer", "item": ["name": "inner"]]
        #expect(try render("{{name}} {{#item}}{{name}}{{/item}} {{name}}", data) == "outer inner outer")
    }
}

import Mustache
import Testing

/// Parents (`{{<name}}…{{/name}}`) and blocks (`{{$name}}default{{/name}}`).
@Suite struct InheritanceTests {
    @Test func blocksRenderTheirDefaultWhenNotOverridden() throws {
        #expect(try render("{{$title}}Untitled{{/title}}\n") == "Untitled\n")
        #expect(try render("{{$b}}hi {{who}}{{/b}}", ["who": "<Ann>"]) == "hi &lt;Ann&gt;")
        #expect(try render("{{$b}}{{#s}}{{v}}{{/s}}{{^t}}!{{/t}}{{/b}}", ["s": ["v": 1]]) == "1!")
        #expect(try render("{{$b}}{{{v}}}{{/b}}", ["v": "{{x}}"]) == "{{x}}")
    }

    @Test func dataNeverOverridesABlock() throws {
        let partials = ["base": "{{$v}}base default{{/v}}"]
        #expect(try render("{{<base}}{{/base}}", ["v": "data"], partials: partials) == "base default")
        #expect(try render("{{<base}}{{$v}}child{{/v}}{{/base}}", ["v": "data"], partials: partials) == "child")
    }

    @Test func childArgumentsReplaceParentDefaults() throws {
        let partials = ["base": "<{{$title}}T{{/title}}|{{$body}}B{{/body}}>"]
        #expect(try render("{{<base}}{{$body}}mine{{/body}}{{/base}}", partials: partials) == "<T|mine>")
        #expect(try render("x {{<base}}{{$title}}1{{/title}}{{/base}} {{<base}}{{$title}}2{{/title}}{{/base}}",
                           partials: partials) == "x <1|B> <2|B>")
    }

    @Test func textInsideAParentTagIsIgnored() throws {
        let partials = ["base": "{{$b}}default{{/b}}"]
        #expect(try render("{{<base}} junk {{$b}}kept{{/b}} more junk {{v}} {{/base}}", partials: partials) == "kept")
        #expect(try render("{{<base}} only junk {{/base}}", partials: partials) == "default")
    }

    @Test func aParentWithoutArgumentsIsAPartial() throws {
        let partials = ["base": "{{$b}}plain{{/b}}"]
        #expect(try render("{{>base}}/{{<base}}{{/base}}", partials: partials) == "plain/plain")
    }

    @Test func argumentsKeepTheirNewlines() throws {
        let partials = ["base": "{{$b}}old{{/b}}"]
        #expect(try render("{{<base}}{{$b}}\nline 1\n\nline 2\n{{/b}}{{/base}}", partials: partials) == "line 1\n\nline 2\n")
    }

    @Test func outermostArgumentsWinAcrossLevels() throws {
        let partials = [
            "page": "{{<frame}}{{$x}}from page{{/x}}{{/frame}}",
            "frame": "{{<root}}{{$x}}from frame{{/x}}{{/root}}",
            "root": "{{$x}}from root{{/x}}",
        ]
        #expect(try render("{{<page}}{{$x}}from child{{/x}}{{/page}}", partials: partials) == "from child")
        #expect(try render("{{<page}}{{/page}}", partials: partials) == "from page")
    }

    @Test func argumentsFollowRecursionWithoutLooping() throws {
        let partials = [
            "one": "{{$a}}one-a{{/a}} {{$b}}{{<two}}{{/two}}{{/b}}",
            "two": "{{$a}}two-a{{/a}} {{<one}}{{$b}}stop{{/b}}{{/one}}",
        ]
        #expect(try render("{{<one}}{{$a}}A{{/a}}{{/one}}", partials: partials) == "A A A stop")
    }

    @Test func argumentsRenderInTheParentsContext() throws {
        let data: TemplateValue = ["fruit": "plum", "box": ["fruit": "pear"]]
        let partials = ["base": "{{#box}}{{$b}}default {{fruit}}{{/b}}{{/box}}"]
        #expect(try render("{{<base}}{{$b}}got {{fruit}}{{/b}}{{/base}}", data, partials: partials) == "got pear")
    }

    @Test func aStandaloneParentIndentsItsLines() throws {
        let partials = ["base": "first\nsecond\n"]
        #expect(try render("Top\n    {{<base}}{{/base}}\n", partials: partials) == "Top\n    first\n    second\n")
    }

    @Test func anInlineBlockSiteIndentsFollowingLines() throws {
        let partials = ["base": "items:\n   {{$list}}none{{/list}}\n"]
        #expect(try render("{{<base}}{{$list}}\na\nb{{/list}}\n{{/base}}\n", partials: partials) == "items:\n   a\n   b\n")
        #expect(try render("{{<base}}{{$list}}only{{/list}}{{/base}}", partials: partials) == "items:\n   only\n")
    }

    @Test func argumentIndentationIsReplacedByTheSiteIndentation() throws {
        let partials = ["base": "Head\n   {{$b}}\n   {{/b}}\n"]
        let child = "{{<base}}{{$b}}\n      x\n        y\n{{/b}}{{/base}}\n"
        #expect(try render(child, partials: partials) == "Head\n   x\n     y\n")
    }

    @Test func aStandaloneBlockTakesItsIndentationFromItsDefault() throws {
        let partials = ["base": "Head\n{{$b}}\n    dflt\n{{/b}}\n"]
        #expect(try render("{{<base}}{{/base}}", partials: partials) == "Head\n    dflt\n")
        #expect(try render("{{<base}}{{$b}}\np\nq\n{{/b}}{{/base}}", partials: partials) == "Head\n    p\n    q\n")
    }

    @Test func nestedBlocksAreIndentedRelativeToTheirBlock() throws {
        let partials = [
            "mid": "{{<top}}{{$outer}}\n    A\n    {{$inner}}\n      B\n    {{/inner}}\n{{/outer}}{{/top}}\n",
            "top": "{{$outer}}nothing{{/outer}}",
        ]
        #expect(try render("{{<mid}}{{/mid}}", partials: partials) == "A\n  B\n")
        #expect(try render("{{<mid}}{{$inner}}\nC\n{{/inner}}{{/mid}}", partials: partials) == "A\n  C\n")
    }

    @Test func blocksCanBeReachedThroughPartialsOfTheParent() throws {
        let partials = ["layout": "<{{>header}}>{{$body}}{{/body}}", "header": "{{$title}}none{{/title}}"]
        #expect(try render("{{<layout}}{{$title}}T{{/title}}{{$body}}B{{/body}}{{/layout}}", partials: partials) == "<T>B")
    }

    @Test func unclosedParentOrBlockIsAnError() throws {
        #expect(templateError { try Template(source: "{{<p}}{{$b}}x{{/b}}", name: "t") }?.kind == .unclosedSection("p"))
        #expect(templateError { try Template(source: "{{$b}}x", name: "t") }?.kind == .unclosedSection("b"))
    }

    @Test func aMissingParentIsAnError() throws {
        #expect(templateError { try render("{{<nope}}{{/nope}}") }?.kind == .missingPartial("nope"))
    }
}

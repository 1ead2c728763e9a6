import Mustache
import Testing

/// `Template.binding` and `BoundTemplateLibrary`: a bound template prints exactly what the
/// template prints with the same data, and looks names up again where a section shadows them.
@Suite struct BindingTests {
    private let words: TemplateValue = [
        "card": ["title": "Гарантійний талон", "amp": "A & B", "live": "fixed text"],
        "count": 3,
    ]

    private func data(_ extra: [String: TemplateValue] = [:], words: TemplateValue? = nil) -> TemplateValue {
        var members: [String: TemplateValue] = ["t": words ?? self.words, "number": "W-7",
                                                "items": [["n": 1], ["n": 2, "t": ["card": ["title": "shadowed"]]]]]
        for (key, value) in extra { members[key] = value }
        return .map(members)
    }

    private func library(_ templates: [String: String]) -> (TemplateLibrary, BoundTemplateLibrary) {
        let library = TemplateLibrary(templates: templates)
        return (library, BoundTemplateLibrary(library, binding: "t", to: words, where: { $0 != "card.live" }))
    }

    private func render(_ bound: BoundTemplateLibrary, _ name: String, _ data: TemplateValue) throws -> String {
        String(decoding: try bound.renderUTF8(name: name, data: data, options: RenderOptions(escaper: .html)), as: UTF8.self)
    }

    @Test func printsWhatTheTemplatePrints() throws {
        let (library, bound) = library([
            "card": "{{<layout}}{{$body}}{{{t.card.title}}} {{number}}{{/body}}{{/layout}}",
            "layout": "# {{{t.card.title}}} | {{t.card.amp}} | {{{t.card.amp}}} | {{{t.count}}} | {{{t.card.missing}}}\n"
                + "{{$body}}{{/body}}\n{{#items}}{{n}}: {{{t.card.title}}}; {{/items}}\n{{> coupon}}",
            "coupon": "  {{{t.card.title}}} / {{{ t.card.title | upper }}}\n",
        ])
        let expected = try library.render(name: "card", data: data(), options: RenderOptions(escaper: .html))
        #expect(expected == "# Гарантійний талон | A &amp; B | A & B | 3 | \nГарантійний талон W-7\n"
                + "1: Гарантійний талон; 2: shadowed; \n  Гарантійний талон / ГАРАНТІЙНИЙ ТАЛОН\n")
        #expect(try render(bound, "card", data()) == expected)
    }

    @Test func namePathsFollowPartialsParentsAndSections() throws {
        let (_, bound) = library([
            "card": "{{<layout}}{{$body}}{{{t.card.title}}} {{number}}{{/body}}{{/layout}}",
            "layout": "{{$body}}{{/body}}{{#items}}{{n}}{{/items}}{{^none}}{{/none}}{{> coupon}}{{> coupon}}",
            "coupon": "{{#t.card}}{{{live}}}{{/t.card}}{{.}}{{ price | upper }}",
            "dynamic": "{{{t.count}}}{{>*which}}",
        ])
        let paths = try #require(bound.namePaths(name: "card"))
        #expect(paths.count == Set(paths).count)
        #expect(Set(paths) == [["t", "card", "title"], ["number"], ["items"], ["n"], ["none"], ["t", "card"], ["live"],
                               ["price"]])
        // A partial named by a value: what it looks up is not known ahead.
        #expect(bound.namePaths(name: "dynamic") == nil)
    }

    @Test func namesNotFixedAreLookedUpInEachRender() throws {
        let (library, bound) = library(["live": "{{{t.card.live}}}|{{{t.card.title}}}"])
        var changed = words
        if case .map(var members) = changed, case .map(var card)? = members["card"] {
            card["live"] = "this document's text"
            members["card"] = .map(card)
            changed = .map(members)
        }
        let expected = try library.render(name: "live", data: data(words: changed), options: RenderOptions(escaper: .html))
        #expect(expected == "this document's text|Гарантійний талон")
        #expect(try render(bound, "live", data(words: changed)) == expected)
    }

    @Test func missingTemplatesAreReportedAsByTheLibrary() {
        let (_, bound) = library([:])
        #expect(throws: TemplateError.self) { try bound.renderUTF8(name: "nowhere", data: data()) }
    }
}

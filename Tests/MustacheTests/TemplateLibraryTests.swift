import Foundation
import Mustache
import TalonPrimitives
import Testing
import TestSupport

@Suite struct TemplateLibraryTests {
    /// A template folder with a subfolder of partials, and a file outside it.
    private func makeFolders() throws -> (root: URL, templates: URL, outside: URL) {
        let root = try TestSupport.temporaryDirectory()
        let templates = root.appendingPathComponent("templates")
        let partials = templates.appendingPathComponent("partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        try "Card {{number}}\n{{>partials/letterhead}}\n".write(to: templates.appendingPathComponent("card.mustache"),
                                                             atomically: true, encoding: .utf8)
        try "== {{shop}} ==\n".write(to: partials.appendingPathComponent("letterhead.mustache"), atomically: true, encoding: .utf8)
        let outside = root.appendingPathComponent("secret.mustache")
        try "SECRET".write(to: outside, atomically: true, encoding: .utf8)
        return (root, templates, outside)
    }

    @Test func rendersFromDirectoriesWithSubfolderPartials() throws {
        let (root, templates, _) = try makeFolders()
        defer { try? FileManager.default.removeItem(at: root) }
        let library = TemplateLibrary(directories: [templates])
        let text = try library.render(name: "card", data: ["number": "W-7", "shop": "Tech & Co"],
                                      options: RenderOptions(escaper: .none))
        #expect(text == "Card W-7\n== Tech & Co ==\n")
        #expect(library.check(name: "card").isEmpty)
    }

    @Test func earlierDirectoriesAndMemoryWin() throws {
        let (root, templates, _) = try makeFolders()
        defer { try? FileManager.default.removeItem(at: root) }
        let override = root.appendingPathComponent("override")
        try FileManager.default.createDirectory(at: override.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "## custom\n".write(to: override.appendingPathComponent("partials/letterhead.mustache"), atomically: true, encoding: .utf8)
        let library = TemplateLibrary(directories: [override, templates])
        #expect(try library.render(name: "card", data: ["number": 1]) == "Card 1\n## custom\n")
        let memory = TemplateLibrary(directories: [templates], templates: ["partials/letterhead": "mem"])
        #expect(try memory.render(name: "card", data: ["number": 1]) == "Card 1\nmem")
    }

    @Test func namesThatLeaveTheDirectoriesAreRejected() throws {
        let (root, templates, _) = try makeFolders()
        defer { try? FileManager.default.removeItem(at: root) }
        let library = TemplateLibrary(directories: [templates])
        for name in ["../secret", "/etc/passwd", "partials/../../secret", "./card", "a//b", ""] {
            let error = templateError { try library.template(named: name) }
            #expect(error?.kind == .partialOutsideDirectories(name), "\(name)")
        }
        let error = templateError { try Template(source: "x\n {{>../secret}}", name: "t.mustache").render([:], partials: library) }
        #expect(error?.kind == .partialOutsideDirectories("../secret"))
        #expect(error?.location == SourceLocation(file: "t.mustache", line: 2, column: 2))
    }

    @Test func symlinksPointingOutAreRejected() throws {
        let (root, templates, outside) = try makeFolders()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(at: templates.appendingPathComponent("leak.mustache"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: templates.appendingPathComponent("up"), withDestinationURL: root)
        try FileManager.default.createSymbolicLink(at: templates.appendingPathComponent("inside.mustache"),
                                                   withDestinationURL: templates.appendingPathComponent("card.mustache"))
        let library = TemplateLibrary(directories: [templates])
        #expect(templateError { try library.template(named: "leak") }?.kind == .partialOutsideDirectories("leak"))
        #expect(templateError { try library.template(named: "up/secret") }?.kind == .partialOutsideDirectories("up/secret"))
        #expect(try library.template(named: "inside").name == "inside.mustache")
    }

    @Test func missingTemplatesAreErrors() throws {
        let library = TemplateLibrary(templates: ["main": "{{>absent}}"])
        #expect(templateError { try library.template(named: "nothing") }?.kind == .missingPartial("nothing"))
        let error = templateError { try library.render(name: "main", data: [:]) }
        #expect(error?.summary == "main:1:1: error: partial 'absent' not found")
    }

    @Test func checkReportsEveryErrorAcrossPartialsAndParents() {
        let library = TemplateLibrary(templates: [
            "doc": "{{<layout}}{{$body}}{{>row}}{{>gone}}{{/body}}{{/layout}}\n{{x | nope}}",
            "layout": "{{$body}}{{/body}}{{>footer}}",
            "row": "{{#a}}",
            "footer": "{{y | upper: 1}} {{>doc}}",
        ])
        let errors = library.check(name: "doc")
        let kinds = errors.map(\.kind)
        #expect(kinds.contains(.unknownFormatter("nope")))
        #expect(kinds.contains(.unclosedSection("a")))
        #expect(kinds.contains(.missingPartial("gone")))
        #expect(kinds.contains(.formatter("upper")))
        #expect(errors.count == 4)
        let missing = errors.first { $0.kind == .missingPartial("gone") }
        #expect(missing?.location == SourceLocation(file: "doc", line: 1, column: 29))
        #expect(library.check(name: "zzz").map(\.kind) == [.missingPartial("zzz")])
        let fromFile = library.check(source: "ok {{>layout}}\n{{>nope}}", name: "cli.mustache")
        #expect(fromFile.map(\.summary).last == "cli.mustache:2:1: error: partial 'nope' not found")
        #expect(fromFile.count == 5)
    }

    @Test func compiledTemplatesAreCached() throws {
        let library = TemplateLibrary(templates: ["a": "A"])
        let first = try library.template(named: "a")
        let second = try library.template(named: "a")
        let (one, two) = (try first.render([:]), try second.render([:]))
        #expect(one == "A" && two == "A")
    }
}

import Mustache
import Testing

@Suite struct ConcurrencyTests {
    @Test func oneTemplateRendersFromManyTasks() async throws {
        let library = TemplateLibrary(templates: [
            "row": "{{n}}:{{name | upper}};",
            "page": "{{<frame}}{{$body}}{{#rows}}{{>row}}{{/rows}}{{/body}}{{/frame}}",
            "frame": "[{{$body}}{{/body}}]",
        ])
        let template = try library.template(named: "page")
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for task in 0..<32 {
                group.addTask {
                    let rows: [TemplateValue] = (0..<50).map { ["n": .integer(task * 100 + $0), "name": .string("ж\(task)")] }
                    return (task, try template.render(["rows": .list(rows)], partials: library))
                }
            }
            var collected: [Int: String] = [:]
            for try await (task, text) in group { collected[task] = text }
            return collected
        }
        #expect(results.count == 32)
        for (task, text) in results {
            let expected = "[" + (0..<50).map { "\(task * 100 + $0):Ж\(task);" }.joined() + "]"
            #expect(text == expected)
        }
    }
}

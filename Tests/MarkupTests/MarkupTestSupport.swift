import Testing
@testable import Markup

/// Parses `text` as `test.talon`, failing the test with the printed error if it does not parse.
func parse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Document {
    do {
        return try MarkupParser.parse(text, file: "test.talon")
    } catch {
        Issue.record("unexpected error:\n\(error)", sourceLocation: sourceLocation)
        return Document(blocks: [])
    }
}

/// The blocks of a document made of `body` (no front matter).
func blocks(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Block] {
    parse(body, sourceLocation: sourceLocation).blocks
}

/// The error parsing `text` gives (nil if it parses).
func parseError(_ text: String) -> MarkupError? {
    do {
        _ = try MarkupParser.parse(text, file: "test.talon")
        return nil
    } catch {
        return error
    }
}

/// The content of a single-paragraph document.
func paragraph(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Inline] {
    let result = blocks(body, sourceLocation: sourceLocation)
    guard result.count == 1, case let .paragraph(content, _) = result[0] else {
        Issue.record("expected one paragraph, got \(result)", sourceLocation: sourceLocation)
        return []
    }
    return content
}


/// Partial and parent names read straight from the tags, for a template whose tree could
/// not be built (so `check` still reports missing or escaping partials after a syntax error).
extension TemplateParser {
    /// Every static partial and parent name with the byte offset of its tag, in source order;
    /// empty when the tags themselves cannot be scanned (e.g. a tag that is never closed).
    func partialReferences() -> [(name: String, offset: Int)] {
        guard let tokens = try? TemplateScanner(bytes: bytes, lines: lines).scan() else { return [] }
        var found: [(name: String, offset: Int)] = []
        for token in tokens where token.kind == .partial || token.kind == .parent {
            let what = token.kind == .partial ? "partial" : "parent"
            guard let (name, dynamic) = try? partialName(token, what: what), dynamic == nil else { continue }
            found.append((name, token.range.lowerBound))
        }
        return found
    }
}

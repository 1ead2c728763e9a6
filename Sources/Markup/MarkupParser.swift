/// Parses Talon markup (front matter and body) into a `Document`.
///
/// Pipeline: `SourceText` (reader, line table) → `LineKind` (line tokens) → `FrontMatterParser`
/// and `BlockParser` (blocks, directives, tables, lists) → `InlineParser` (text runs).
public enum MarkupParser {
    /// Parses `text`; `file` names the source in error locations.
    public static func parse(_ text: String, file: String) throws(MarkupError) -> Document {
        try parse(SourceText(text, file: file))
    }

    /// Parses markup given as UTF-8 bytes, which must be valid UTF-8 (a Mustache render's
    /// output is): the same as `parse(_:file:)` on the text they encode, without making it a
    /// `String` first.
    public static func parse(utf8: [UInt8], file: String) throws(MarkupError) -> Document {
        try parse(utf8.withUnsafeBufferPointer { SourceText(utf8: $0, file: file) })
    }

    private static func parse(_ source: SourceText) throws(MarkupError) -> Document {
        let (setup, bodyStart) = try FrontMatterParser(source: source).parse()
        var parser = BlockParser(source: source, line: bodyStart)
        return Document(setup: setup, blocks: try parser.parseBody())
    }

    /// Parses one line of inline markup (e.g. a running header) on its own.
    public static func parseInline(_ text: String, file: String) throws(MarkupError) -> [Inline] {
        let source = SourceText(text, file: file)
        let segments = source.lines.enumerated().map { index, line in
            InlineParser.Segment(line: index, start: source.skipBlanks(line.start, line.end),
                                 end: source.trimBlanksBack(line.start, line.end))
        }
        return try InlineParser.parse(source, segments.filter { $0.start < $0.end })
    }
}

extension BlockParser {
    /// A list whose items start at `indent` with the same kind of marker. An item holds its
    /// text (its first line plus more-indented text lines) and the lists nested under it.
    /// Blank lines between items keep the list going.
    mutating func parseList(indent: Int, ordered: Bool, start: Int, depth: Int) throws(MarkupError) -> Block {
        guard depth <= Self.maximumDepth else {
            let span = source.lines[line]
            throw source.error(.nestingTooDeep(limit: Self.maximumDepth), line: line,
                               offset: source.skipBlanks(span.start, span.end))
        }
        var items: [[Block]] = []
        while line < source.lines.count,
              case let .listItem(itemIndent, itemOrdered, _, contentStart) = LineKind.of(source, line: line),
              itemIndent == indent, itemOrdered == ordered {
            var segments = [segment(line, from: contentStart)]
            var nested: [Block] = []
            line += 1
            scanning: while line < source.lines.count {
                switch LineKind.of(source, line: line) {
                case .text where nested.isEmpty && self.indent(of: line) > indent:
                    let span = source.lines[line]
                    segments.append(segment(line, from: source.skipBlanks(span.start, span.end)))
                    line += 1
                case let .listItem(childIndent, childOrdered, childStart, _) where childIndent > indent:
                    nested.append(try parseList(indent: childIndent, ordered: childOrdered, start: childStart,
                                                depth: depth + 1))
                case .blank:
                    // Look past the blank lines on a copy; keep it only if the list goes on.
                    var lookahead = self
                    lookahead.skipBlankLines()
                    guard lookahead.line < source.lines.count,
                          case let .listItem(nextIndent, nextOrdered, _, _) = LineKind.of(source, line: lookahead.line),
                          nextIndent > indent || (nextIndent == indent && nextOrdered == ordered) else {
                        break scanning
                    }
                    self = lookahead
                    if nextIndent == indent { break scanning }
                default:
                    break scanning
                }
            }
            let content = try InlineParser.parse(source, segments)
            items.append((content.isEmpty ? [] : [.paragraph(content: content, alignment: nil)]) + nested)
        }
        return .list(ordered: ordered, start: start, items: items)
    }

    mutating func skipBlankLines() {
        while line < source.lines.count, LineKind.of(source, line: line) == .blank { line += 1 }
    }

    private func segment(_ index: Int, from start: Int) -> InlineParser.Segment {
        InlineParser.Segment(line: index, start: start, end: source.trimBlanksBack(start, source.lines[index].end))
    }
}

/// Standalone lines: a line holding only whitespace and tags that print nothing themselves
/// (sections, inverted sections, closings, comments, set-delimiters, partials, parents,
/// blocks) is removed with its line break; partials, parents and blocks on it remember its
/// indentation. Every other line gets a `lineStart` token, where partial indentation goes.
extension TemplateParser {
    /// Rewrites the scanner's tokens: removes standalone lines, records indentation, inserts
    /// `lineStart` tokens.
    func markLines(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var lines: [Range<Int>] = []
        var lineStart = 0
        for (index, token) in tokens.enumerated() where token.kind == .newline {
            lines.append(lineStart..<index + 1)
            lineStart = index + 1
        }
        if lineStart < tokens.count { lines.append(lineStart..<tokens.count) }

        var output: [TemplateToken] = []
        output.reserveCapacity(tokens.count + lines.count)
        // Open tags across lines: kind, the line it opened on, and whether it is a block
        // expanded in place (not an argument inside a parent tag).
        var open: [(kind: TemplateToken.Kind, line: Int, inPlaceBlock: Bool)] = []

        for (lineNumber, line) in lines.enumerated() {
            var candidate = true
            var tagCount = 0
            for index in line {
                let token = tokens[index]
                switch token.kind {
                case .text:
                    if !bytes[token.range].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { candidate = false }
                case .newline, .lineStart:
                    break
                case .variable, .unescaped:
                    candidate = false
                case .section, .inverted, .parent:
                    tagCount += 1
                    open.append((token.kind, lineNumber, false))
                case .block:
                    tagCount += 1
                    open.append((.block, lineNumber, open.last?.kind != .parent))
                case .close:
                    tagCount += 1
                    if let top = open.popLast(), top.inPlaceBlock, top.line == lineNumber {
                        // `{{$b}}{{/b}}` on one line prints like a value: the line is kept.
                        candidate = false
                    }
                case .comment, .delimiters, .partial:
                    tagCount += 1
                }
            }
            let leading = leadingWhitespace(of: line, in: tokens)
            if candidate && tagCount > 0 {
                for index in line where tokens[index].isTag {
                    var token = tokens[index]
                    token.standalone = true
                    switch token.kind {
                    case .partial, .parent:
                        token.indentation = leading
                    case .block:
                        // A standalone block's indentation is that of the line after it.
                        token.indentation = lineNumber + 1 < lines.count
                            ? leadingWhitespace(of: lines[lineNumber + 1], in: tokens) : []
                    default:
                        break
                    }
                    output.append(token)
                }
            } else {
                output.append(TemplateToken(kind: .lineStart, range: tokens[line.lowerBound].range.lowerBound..<tokens[line.lowerBound].range.lowerBound,
                                            content: 0..<0))
                var onlySpaceBefore = true
                for index in line {
                    var token = tokens[index]
                    if token.kind == .block, onlySpaceBefore { token.indentation = leading }
                    if token.kind != .text || !bytes[token.range].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                        onlySpaceBefore = false
                    }
                    output.append(token)
                }
            }
        }
        return output
    }

    /// The spaces and tabs a line starts with.
    private func leadingWhitespace(of line: Range<Int>, in tokens: [TemplateToken]) -> [UInt8] {
        guard let first = line.first, tokens[first].kind == .text else { return [] }
        return Array(bytes[tokens[first].range].prefix { $0 == 0x20 || $0 == 0x09 })
    }
}

import TalonPrimitives

/// One piece of template source: text, a line break, or a tag with its trimmed content.
struct TemplateToken: Sendable {
    enum Kind: Sendable, Equatable {
        case text, newline, variable, unescaped, section, inverted, close
        case partial, parent, block, comment, delimiters
        /// Inserted by the parser where a kept line starts.
        case lineStart
    }

    var kind: Kind
    /// Byte range of the whole token (for tags: from the opening delimiter on).
    var range: Range<Int>
    /// Byte range of a tag's content, whitespace trimmed.
    var content: Range<Int>
    /// Set by the parser for partial, parent and block tags.
    var indentation: [UInt8] = []
    var standalone = false

    var isTag: Bool {
        switch kind {
        case .text, .newline, .lineStart: return false
        default: return true
        }
    }
}

/// Splits template source into tokens, following set-delimiter tags as it goes.
struct TemplateScanner {
    let bytes: [UInt8]
    let lines: LineTable

    static let defaultOpen: [UInt8] = Array("{{".utf8)
    static let defaultClose: [UInt8] = Array("}}".utf8)

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    func scan() throws(TemplateError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        tokens.reserveCapacity(bytes.count / 16 + 4)
        var open = Self.defaultOpen, close = Self.defaultClose
        let count = bytes.count
        var index = 0, textStart = 0

        func flushText(_ end: Int) {
            if end > textStart { tokens.append(TemplateToken(kind: .text, range: textStart..<end, content: textStart..<end)) }
        }

        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                flushText(index)
                tokens.append(TemplateToken(kind: .newline, range: index..<index + 1, content: index..<index + 1))
                index += 1
                textStart = index
            } else if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A {
                flushText(index)
                tokens.append(TemplateToken(kind: .newline, range: index..<index + 2, content: index..<index + 2))
                index += 2
                textStart = index
            } else if byte == open[0], matches(open, at: index) {
                flushText(index)
                let token = try scanTag(at: index, open: open, close: close)
                if token.kind == .delimiters {
                    (open, close) = try delimiters(of: token)
                }
                tokens.append(token)
                index = token.range.upperBound
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(count)
        return tokens
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func scanTag(at start: Int, open: [UInt8], close: [UInt8]) throws(TemplateError) -> TemplateToken {
        var index = start + open.count
        var kind = TemplateToken.Kind.variable
        var closing = close
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"): kind = .unescaped; closing = [UInt8(ascii: "}")] + close
            case UInt8(ascii: "&"): kind = .unescaped
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "<"): kind = .parent
            case UInt8(ascii: "$"): kind = .block
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: "="): kind = .delimiters; closing = [UInt8(ascii: "=")] + close
            default: break
            }
            if kind != .variable { index += 1 }
        }
        guard let end = find(closing, from: index) else {
            let expected = String(decoding: closing, as: UTF8.self)
            throw lines.error(.syntax, at: start, "tag is not closed: expected '\(expected)'")
        }
        var low = index, high = end
        while low < high, Self.isSpace(bytes[low]) { low += 1 }
        while high > low, Self.isSpace(bytes[high - 1]) { high -= 1 }
        return TemplateToken(kind: kind, range: start..<end + closing.count, content: low..<high)
    }

    /// The two new delimiters of `{{=<% %>=}}`.
    private func delimiters(of token: TemplateToken) throws(TemplateError) -> ([UInt8], [UInt8]) {
        let parts = bytes[token.content].split(whereSeparator: Self.isSpace)
        guard parts.count == 2, parts.allSatisfy({ !$0.contains(UInt8(ascii: "=")) }) else {
            throw lines.error(.syntax, at: token.range.lowerBound,
                              "expected two delimiters without '=' or spaces, like {{=<% %>=}}")
        }
        return (Array(parts[0]), Array(parts[1]))
    }
}

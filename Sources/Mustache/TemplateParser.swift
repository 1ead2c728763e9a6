import TalonPrimitives

/// Builds the tree of a template from its tokens. Syntax errors stop the parse; formatter
/// errors are collected so `check` can report them all.
struct TemplateParser {
    let bytes: [UInt8]
    let lines: LineTable
    let formatters: FormatterSet
    /// Errors that did not stop the parse (unknown formatters, bad arguments).
    var errors: [TemplateError] = []

    /// Sections, parents and blocks may nest this deep (deeper trees could exhaust the stack).
    static let maximumDepth = 100

    init(bytes: [UInt8], lines: LineTable, formatters: FormatterSet) {
        self.bytes = bytes
        self.lines = lines
        self.formatters = formatters
    }

    private struct Frame {
        var token: TemplateToken
        var name: String
        var children: [TemplateNode] = []
        var pendingText: [UInt8] = []

        mutating func flush() {
            if !pendingText.isEmpty {
                children.append(.text(pendingText))
                pendingText = []
            }
        }
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        let tokens = markLines(try TemplateScanner(bytes: bytes, lines: lines).scan())
        var stack = [Frame(token: TemplateToken(kind: .lineStart, range: 0..<0, content: 0..<0), name: "")]
        for token in tokens {
            switch token.kind {
            case .text, .newline:
                stack[stack.count - 1].pendingText.append(contentsOf: bytes[token.range])
            case .lineStart:
                stack[stack.count - 1].flush()
                stack[stack.count - 1].children.append(.lineStart)
            case .comment, .delimiters:
                break
            case .variable, .unescaped:
                let node = try variable(token)
                stack[stack.count - 1].flush()
                stack[stack.count - 1].children.append(node)
            case .partial:
                let (name, dynamic) = try partialName(token, what: "partial")
                stack[stack.count - 1].flush()
                stack[stack.count - 1].children.append(.partial(PartialTag(
                    name: name, dynamic: dynamic, indentation: token.indentation, standalone: token.standalone,
                    offset: token.range.lowerBound)))
            case .section, .inverted, .parent, .block:
                guard stack.count <= Self.maximumDepth else {
                    throw lines.error(.syntax, at: token.range.lowerBound,
                                      "sections nest deeper than \(Self.maximumDepth) levels")
                }
                let name: String
                switch token.kind {
                case .section, .inverted: name = try path(token).text
                case .parent: name = try partialName(token, what: "parent").name
                default: name = try simpleName(token, what: describe(token.kind))
                }
                stack[stack.count - 1].flush()
                stack.append(Frame(token: token, name: name))
            case .close:
                let name = text(token.content)
                guard stack.count > 1, var frame = stack.popLast() else {
                    throw lines.error(.mismatchedClose(expected: nil, found: name), at: token.range.lowerBound,
                                      "closing tag '\(name)' has no open section")
                }
                guard frame.name == name else {
                    let opened = lines.location(of: frame.token.range.lowerBound)
                    throw lines.error(.mismatchedClose(expected: frame.name, found: name), at: token.range.lowerBound,
                                      "expected '{{/\(frame.name)}}' to close the \(describe(frame.token.kind)) "
                                      + "opened at \(opened.line):\(opened.column), found '{{/\(name)}}'")
                }
                frame.flush()
                let node = try close(frame, inParent: stack[stack.count - 1].token.kind == .parent)
                stack[stack.count - 1].children.append(node)
            }
        }
        if stack.count > 1, let frame = stack.last {
            let opened = lines.location(of: frame.token.range.lowerBound)
            throw lines.error(.unclosedSection(frame.name), at: bytes.count,
                              "\(describe(frame.token.kind)) '\(frame.name)' opened at \(opened.line):\(opened.column) is not closed")
        }
        stack[0].flush()
        return stack[0].children
    }

    private func describe(_ kind: TemplateToken.Kind) -> String {
        switch kind {
        case .inverted: return "inverted section"
        case .parent: return "parent"
        case .block: return "block"
        case .partial: return "partial"
        default: return "section"
        }
    }

    private func close(_ frame: Frame, inParent: Bool) throws(TemplateError) -> TemplateNode {
        let offset = frame.token.range.lowerBound
        switch frame.token.kind {
        case .parent:
            var overrides: [String: BlockTag] = [:]
            for child in frame.children {
                if case .block(let block) = child, overrides[block.name] == nil { overrides[block.name] = block }
            }
            let tag = PartialTag(name: frame.name, dynamic: try partialName(frame.token, what: "parent").dynamic,
                                 indentation: frame.token.indentation,
                                 standalone: frame.token.standalone, offset: offset)
            return .parent(tag, overrides)
        case .block:
            var block = BlockTag(name: frame.name, children: frame.children, indentation: frame.token.indentation,
                                 standalone: frame.token.standalone, offset: offset)
            if inParent, !block.indentation.isEmpty {
                // An argument's own indentation is removed where it is defined.
                block.children = Self.removeIndentation(block.indentation, from: block.children)
            }
            return .block(block)
        default:
            let tag = SectionTag(path: try path(frame.token), inverted: frame.token.kind == .inverted, offset: offset)
            return .section(tag, frame.children)
        }
    }

    /// Removes `indentation` from the start of every line in `nodes`, nested blocks included.
    static func removeIndentation(_ indentation: [UInt8], from nodes: [TemplateNode]) -> [TemplateNode] {
        var output: [TemplateNode] = []
        output.reserveCapacity(nodes.count)
        var atLineStart = false
        for node in nodes {
            defer { if case .lineStart = node { atLineStart = true } else { atLineStart = false } }
            switch node {
            case .text(let text) where atLineStart && text.starts(with: indentation):
                let rest = Array(text.dropFirst(indentation.count))
                if !rest.isEmpty { output.append(.text(rest)) }
            case .section(let tag, let children):
                output.append(.section(tag, removeIndentation(indentation, from: children)))
            case .block(var block):
                block.children = removeIndentation(indentation, from: block.children)
                if block.indentation.starts(with: indentation) {
                    block.indentation = Array(block.indentation.dropFirst(indentation.count))
                }
                output.append(.block(block))
            default:
                output.append(node)
            }
        }
        return output
    }
}

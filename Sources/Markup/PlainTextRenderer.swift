/// Renders a `Document` as plain text for e-mail bodies and SMS notices.
///
/// Headings are underlined (`=` for level 1, `-` for level 2), paragraphs wrapped at `width`
/// (or kept on one line when `width` is nil), lists numbered or bulleted with hanging indents,
/// tables as aligned columns, fields as `Label: value`, checkboxes as `[x]` / `[ ]`, barcodes
/// as their text and rules as a line of `-`. Blocks are separated by one blank line.
public struct PlainTextRenderer: Sendable {
    /// Wrap width in characters; nil keeps each paragraph on one line.
    public var width: Int?
    /// What `@page` and `@pages` print (plain text has no pages).
    public var pageNumber: Int
    public var pageCount: Int

    public init(width: Int? = 72, pageNumber: Int = 1, pageCount: Int = 1) {
        self.width = width.map { max(8, $0) }
        self.pageNumber = pageNumber
        self.pageCount = pageCount
    }

    public func render(_ document: Document) -> String {
        let chunks = blocks(document.blocks, indent: "")
        return chunks.joined(separator: "\n\n") + (chunks.isEmpty ? "" : "\n")
    }

    /// Each block as a chunk of lines (no trailing newline); empty blocks are skipped.
    func blocks(_ blocks: [Block], indent: String) -> [String] {
        blocks.compactMap { block(in: $0, indent: indent) }
    }

    private var ruleWidth: Int { width ?? 40 }

    private func block(in block: Block, indent: String) -> String? {
        switch block {
        case let .heading(level, content):
            let text = self.text(content)
            guard level < 3 else { return wrap(text, first: indent, rest: indent) }
            let underline = String(repeating: level == 1 ? "=" : "-", count: max(3, text.count))
            return wrap(text, first: indent, rest: indent) + "\n" + indent + underline
        case let .paragraph(content, _):
            return wrap(text(content), first: indent, rest: indent)
        case let .list(ordered, start, items):
            return list(ordered: ordered, start: start, items: items, indent: indent)
        case let .table(table):
            return TextTable(renderer: self, table: table).render(indent: indent)
        case .rule:
            return indent + String(repeating: "-", count: ruleWidth)
        case let .cutLine(label):
            let text = self.text(label)
            let side = String(repeating: "- ", count: max(2, (ruleWidth - text.count - 2) / 4))
            return indent + (text.isEmpty ? side + side : side + text + " " + side).trimmingBlanks()
        case let .field(label, value, _, _):
            let value = text(value)
            return wrap(text(label) + ":" + (value.isEmpty ? "" : " " + value), first: indent, rest: indent + "  ")
        case let .checkbox(checked, label):
            return wrap((checked ? "[x] " : "[ ] ") + text(label), first: indent, rest: indent + "    ")
        case let .signature(caption):
            let text = self.text(caption)
            return indent + String(repeating: "_", count: 24) + (text.isEmpty ? "" : "\n" + indent + text)
        case let .stamp(label):
            let text = self.text(label)
            return text.isEmpty ? nil : indent + "(" + text + ")"
        case let .barcode(spec):
            return indent + spec.data
        case .image, .pageBreak, .spacer:
            return nil
        case let .keepTogether(children), let .keepWithPrevious(children):
            let chunks = blocks(children, indent: indent)
            return chunks.isEmpty ? nil : chunks.joined(separator: "\n\n")
        case let .columns(_, columns):
            let chunks = columns.flatMap { blocks($0, indent: indent) }
            return chunks.isEmpty ? nil : chunks.joined(separator: "\n\n")
        }
    }

    private func list(ordered: Bool, start: Int, items: [[Block]], indent: String) -> String {
        var lines: [String] = []
        let last = start.addingReportingOverflow(items.count).partialValue
        let numberWidth = String(last).count
        for (index, item) in items.enumerated() {
            let marker: String
            if ordered {
                let number = String(start.addingReportingOverflow(index).partialValue)
                marker = String(repeating: " ", count: max(0, numberWidth - number.count)) + number + ". "
            } else {
                marker = "- "
            }
            let hanging = indent + String(repeating: " ", count: marker.count)
            var first = true
            for child in item {
                if case let .paragraph(content, _) = child, first {
                    lines.append(wrap(text(content), first: indent + marker, rest: hanging))
                } else if let chunk = block(in: child, indent: hanging) {
                    lines.append(first ? indent + marker + chunk.dropFirst(hanging.count) : chunk)
                }
                first = false
            }
            if item.isEmpty { lines.append(indent + marker.trimmingBlanks()) }
        }
        return lines.joined(separator: "\n")
    }

    /// Inline content as text: formatting dropped, `@br` as a line feed.
    func text(_ content: [Inline]) -> String {
        var result = ""
        for inline in content {
            switch inline {
            case .text(let text): result += text
            case .bold(let children), .italic(let children), .underline(let children): result += text(children)
            case .lineBreak: result += "\n"
            case .pageNumber: result += String(pageNumber)
            case .pageCount: result += String(pageCount)
            }
        }
        return result
    }

    /// Word-wraps `text` (its line feeds kept) with `first` before the first line and `rest`
    /// before the others; a word longer than the width gets a line of its own.
    func wrap(_ text: String, first: String, rest: String) -> String {
        var lines: [String] = []
        for (number, paragraphLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let prefix = number == 0 ? first : rest
            guard let width else {
                lines.append(prefix + paragraphLine)
                continue
            }
            var current = prefix
            var currentCount = prefix.count
            var empty = true
            for word in paragraphLine.split(separator: " ") {
                if !empty, currentCount + 1 + word.count > width {
                    lines.append(current)
                    current = rest
                    currentCount = rest.count
                    empty = true
                }
                if !empty { current += " "; currentCount += 1 }
                current += word
                currentCount += word.count
                empty = false
            }
            lines.append(current)
        }
        return lines.map { $0.trimmingTrailingBlanks() }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingBlanks() -> String {
        guard let last = unicodeScalars.lastIndex(where: { !$0.isBlank }) else { return "" }
        return String(unicodeScalars[...last])
    }
}

/// Renders a `Document` as an HTML fragment for e-mail: semantic tags, everything escaped,
/// a little inline CSS (table borders, alignment), barcodes as their text in `<code>`, images
/// only when `includeImages` is set.
public struct HTMLRenderer: Sendable {
    /// Emit `<img src>` for images (the caller must make the paths reachable); off by default.
    public var includeImages: Bool
    /// What `@page` and `@pages` print.
    public var pageNumber: Int
    public var pageCount: Int

    public init(includeImages: Bool = false, pageNumber: Int = 1, pageCount: Int = 1) {
        self.includeImages = includeImages
        self.pageNumber = pageNumber
        self.pageCount = pageCount
    }

    /// The blocks as HTML, one element per line group; no `<html>` or `<body>` wrapper.
    public func render(_ document: Document) -> String {
        var output = ""
        for block in document.blocks { render(block, into: &output) }
        return output
    }

    private func render(_ block: Block, into output: inout String) {
        switch block {
        case let .heading(level, content):
            output += "<h\(level)>\(inline(content))</h\(level)>\n"
        case let .paragraph(content, alignment):
            let style = alignment.map { " style=\"text-align:\($0.rawValue)\"" } ?? ""
            output += "<p\(style)>\(inline(content))</p>\n"
        case let .list(ordered, start, items):
            output += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
            for item in items {
                output += "<li>"
                for (index, child) in item.enumerated() {
                    if index == 0, case let .paragraph(content, _) = child {
                        output += inline(content)
                        if item.count > 1 { output += "\n" }
                    } else {
                        render(child, into: &output)
                    }
                }
                output += "</li>\n"
            }
            output += ordered ? "</ol>\n" : "</ul>\n"
        case let .table(table):
            render(table, into: &output)
        case .rule:
            output += "<hr>\n"
        case let .cutLine(label):
            output += "<hr style=\"border-style:dashed\">\n"
            if !label.isEmpty { output += "<p style=\"text-align:center\">\(inline(label))</p>\n" }
        case let .field(label, value, _, _):
            output += "<p><strong>\(inline(label)):</strong> \(inline(value))</p>\n"
        case let .checkbox(checked, label):
            output += "<p>\(checked ? "&#9746;" : "&#9744;") \(inline(label))</p>\n"
        case let .signature(caption):
            output += "<p>________________________<br>\(inline(caption))</p>\n"
        case let .stamp(label):
            if !label.isEmpty { output += "<p>(\(inline(label)))</p>\n" }
        case let .image(path, width, height, _):
            guard includeImages else { return }
            var attributes = "src=\"\(Self.escape(path))\" alt=\"\""
            if let width { attributes += " width=\"\(Int(width.rounded()))\"" }
            if let height { attributes += " height=\"\(Int(height.rounded()))\"" }
            output += "<p><img \(attributes)></p>\n"
        case let .barcode(spec):
            output += "<p><code>\(Self.escape(spec.data))</code></p>\n"
        case .pageBreak:
            break
        case let .spacer(height):
            output += "<div style=\"height:\(DebugDump.number(height))pt\"></div>\n"
        case let .keepTogether(children), let .keepWithPrevious(children):
            output += "<div>\n"
            for child in children { render(child, into: &output) }
            output += "</div>\n"
        case let .columns(widths, columns):
            output += "<div style=\"display:flex\">\n"
            for (index, column) in columns.enumerated() {
                let share = index < widths.count ? widths[index] : 0
                output += "<div style=\"flex:\(DebugDump.number(share * 100))\">\n"
                for child in column { render(child, into: &output) }
                output += "</div>\n"
            }
            output += "</div>\n"
        }
    }

    private func render(_ table: Table, into output: inout String) {
        let border = table.borders ? " style=\"border:1px solid #999;padding:2px 6px\"" : " style=\"padding:2px 6px\""
        output += "<table style=\"border-collapse:collapse\">\n"
        func row(_ cells: [TableCell], tag: String) {
            output += "<tr>"
            var column = 0
            for cell in cells {
                let alignment = column < table.columns.count ? table.columns[column].alignment : .left
                var attributes = border
                if alignment != .left {
                    attributes = String(attributes.dropLast()) + ";text-align:\(alignment.rawValue)\""
                }
                if cell.span > 1 { attributes += " colspan=\"\(cell.span)\"" }
                output += "<\(tag)\(attributes)>\(inline(cell.content))</\(tag)>"
                column += max(1, cell.span)
            }
            output += "</tr>\n"
        }
        if !table.headerRows.isEmpty {
            output += "<thead>\n"
            for cells in table.headerRows { row(cells, tag: "th") }
            output += "</thead>\n"
        }
        output += "<tbody>\n"
        for cells in table.rows { row(cells, tag: "td") }
        output += "</tbody>\n</table>\n"
    }

    private func inline(_ content: [Inline]) -> String {
        var result = ""
        for item in content {
            switch item {
            case .text(let text): result += Self.escape(text)
            case .bold(let children): result += "<strong>\(inline(children))</strong>"
            case .italic(let children): result += "<em>\(inline(children))</em>"
            case .underline(let children): result += "<u>\(inline(children))</u>"
            case .lineBreak: result += "<br>"
            case .pageNumber: result += String(pageNumber)
            case .pageCount: result += String(pageCount)
            }
        }
        return result
    }

    /// `&`, `<`, `>`, `"` and `'` as character references.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

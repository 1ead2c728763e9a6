extension Document {
    /// A stable, indented dump of the tree for snapshot tests: one node per line, two spaces
    /// per level, text quoted with `\n`, `\t`, `"` and `\\` escaped, lengths rounded to 0.01 pt.
    public func debugDump() -> String {
        var dump = DebugDump()
        dump.line(0, "Document")
        dump.setup(setup, depth: 1)
        for block in blocks { dump.block(block, depth: 1) }
        return dump.output
    }
}

/// Writer of `Document.debugDump()`.
struct DebugDump {
    var output = ""

    mutating func line(_ depth: Int, _ text: String) {
        output += String(repeating: "  ", count: depth) + text + "\n"
    }

    mutating func setup(_ setup: PageSetup, depth: Int) {
        line(depth, "Setup page=\(Self.number(setup.pageWidth))x\(Self.number(setup.pageHeight))"
            + " orientation=\(setup.orientation.rawValue)"
            + " margins=\([setup.marginTop, setup.marginRight, setup.marginBottom, setup.marginLeft].map(Self.number).joined(separator: ","))"
            + " font=\(Self.quoted(setup.fontFamily)) \(Self.number(setup.fontSize))"
            + " line-height=\(Self.number(setup.lineHeight)) justify=\(setup.justify)")
        var info: [String] = []
        for (key, value) in [("title", setup.title), ("author", setup.author), ("subject", setup.subject),
                             ("keywords", setup.keywords)] where !value.isEmpty {
            info.append("\(key)=\(Self.quoted(value))")
        }
        if let date = setup.creationDate { info.append("date=\(date)") }
        if setup.ownerPassword != nil { info.append("password=set") }
        if setup.userPassword != nil { info.append("user-password=set") }
        if setup.printOnly { info.append("print-only") }
        if setup.pdfa { info.append("pdfa") }
        if setup.syntheticBold { info.append("synthetic bold") }
        if !info.isEmpty { line(depth + 1, "Info " + info.joined(separator: " ")) }
        if !setup.header.isEmpty { line(depth + 1, "Header"); inlines(setup.header, depth: depth + 2) }
        if !setup.footer.isEmpty { line(depth + 1, "Footer"); inlines(setup.footer, depth: depth + 2) }
    }

    mutating func block(_ block: Block, depth: Int) {
        switch block {
        case let .heading(level, content):
            line(depth, "Heading level=\(level)"); inlines(content, depth: depth + 1)
        case let .paragraph(content, alignment):
            line(depth, "Paragraph" + (alignment.map { " align=\($0.rawValue)" } ?? "")); inlines(content, depth: depth + 1)
        case let .list(ordered, start, items):
            line(depth, ordered ? "OrderedList start=\(start)" : "BulletList")
            for item in items {
                line(depth + 1, "Item")
                for child in item { self.block(child, depth: depth + 2) }
            }
        case let .table(table):
            self.table(table, depth: depth)
        case .rule:
            line(depth, "Rule")
        case let .cutLine(label):
            line(depth, "CutLine"); inlines(label, depth: depth + 1)
        case let .field(label, value, style, width):
            line(depth, "Field style=\(style.rawValue)" + (width.map { " width=\(Self.number($0))" } ?? ""))
            line(depth + 1, "Label"); inlines(label, depth: depth + 2)
            if !value.isEmpty { line(depth + 1, "Value"); inlines(value, depth: depth + 2) }
        case let .checkbox(checked, label):
            line(depth, "Checkbox checked=\(checked)"); inlines(label, depth: depth + 1)
        case let .signature(caption):
            line(depth, "Signature"); inlines(caption, depth: depth + 1)
        case let .stamp(label):
            line(depth, "Stamp"); inlines(label, depth: depth + 1)
        case let .image(path, width, height, location):
            line(depth, "Image \(Self.quoted(path))" + (width.map { " width=\(Self.number($0))" } ?? "")
                + (height.map { " height=\(Self.number($0))" } ?? "") + " at \(location.line):\(location.column)")
        case let .barcode(spec):
            line(depth, "Barcode \(spec.symbology.rawValue) \(Self.quoted(spec.data)) text=\(spec.showText)"
                + " module=\(Self.number(spec.moduleWidth)) height=\(Self.number(spec.height))"
                + " ecc=\(spec.errorCorrection.rawValue) align=\(spec.alignment.rawValue)"
                + " at \(spec.location.line):\(spec.location.column)")
        case .pageBreak:
            line(depth, "PageBreak")
        case let .keepTogether(blocks):
            line(depth, "Keep")
            for child in blocks { self.block(child, depth: depth + 1) }
        case let .keepWithPrevious(blocks):
            line(depth, "Keep with=previous")
            for child in blocks { self.block(child, depth: depth + 1) }
        case let .columns(widths, columns):
            line(depth, "Columns widths=\(widths.map(Self.number).joined(separator: ","))")
            for column in columns {
                line(depth + 1, "Column")
                for child in column { self.block(child, depth: depth + 2) }
            }
        case let .spacer(height):
            line(depth, "Space \(Self.number(height))")
        }
    }

    mutating func table(_ table: Table, depth: Int) {
        let columns = table.columns.map { column -> String in
            let width: String
            switch column.width {
            case .auto: width = "auto"
            case .fixed(let points): width = Self.number(points)
            case .fraction(let share): width = Self.number(share) + "fr"
            }
            return "\(column.alignment.rawValue):\(width)"
        }
        line(depth, "Table borders=\(table.borders) columns=" + columns.joined(separator: ","))
        for (kind, rows) in [("HeaderRow", table.headerRows), ("Row", table.rows)] {
            for row in rows {
                line(depth + 1, kind)
                for cell in row {
                    line(depth + 2, cell.span == 1 ? "Cell" : "Cell span=\(cell.span)")
                    inlines(cell.content, depth: depth + 3)
                }
            }
        }
    }

    mutating func inlines(_ content: [Inline], depth: Int) {
        for inline in content {
            switch inline {
            case .text(let text): line(depth, "Text " + Self.quoted(text))
            case .bold(let children): line(depth, "Bold"); inlines(children, depth: depth + 1)
            case .italic(let children): line(depth, "Italic"); inlines(children, depth: depth + 1)
            case .underline(let children): line(depth, "Underline"); inlines(children, depth: depth + 1)
            case .lineBreak: line(depth, "LineBreak")
            case .pageNumber: line(depth, "PageNumber")
            case .pageCount: line(depth, "PageCount")
            }
        }
    }

    /// A number rounded to two decimals, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

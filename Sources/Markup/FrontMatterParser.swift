import TalonPrimitives

/// Reads the front matter — `key: value` lines between two `---` lines at the very top —
/// into a `PageSetup`.
struct FrontMatterParser {
    static let keys = [
        "page", "orientation", "margins", "font", "line-height", "align", "title", "author", "subject",
        "keywords", "date", "header", "footer", "password", "user-password", "permissions", "pdfa",
        "bold",
    ]

    let source: SourceText

    /// The page setup and the index of the first body line (0 when there is no front matter).
    func parse() throws(MarkupError) -> (PageSetup, Int) {
        var setup = PageSetup()
        guard isDelimiter(0) else { return (setup, 0) }
        // The keys met so far, one bit per index in `keys`.
        var seen: UInt32 = 0
        var index = 1
        while index < source.lines.count {
            if isDelimiter(index) { return (setup, index + 1) }
            let line = source.lines[index]
            let start = source.skipBlanks(line.start, line.end)
            if start < line.end, source.bytes[start] != UInt8(ascii: "#") {
                var keyEnd = start
                while keyEnd < line.end, source.bytes[keyEnd] != UInt8(ascii: ":"), !source.bytes[keyEnd].isBlank { keyEnd += 1 }
                let colon = source.skipBlanks(keyEnd, line.end)
                guard keyEnd > start, colon < line.end, source.bytes[colon] == UInt8(ascii: ":") else {
                    throw source.error(.badFrontMatterLine, line: index, offset: start)
                }
                let key = source.string(start, keyEnd)
                guard let number = Self.keys.firstIndex(of: key) else {
                    let suggestion = NameSuggestion.nearest(to: key, in: Self.keys)
                    throw source.error(.unknownFrontMatterKey(key: key, suggestion: suggestion), line: index, offset: start)
                }
                guard seen & 1 << number == 0 else {
                    throw source.error(.duplicateFrontMatterKey(key), line: index, offset: start)
                }
                seen |= 1 << number
                let valueStart = source.skipBlanks(colon + 1, line.end)
                let valueEnd = source.trimBlanksBack(valueStart, line.end)
                try apply(key, line: index, start: valueStart, end: valueEnd, to: &setup)
            }
            index += 1
        }
        throw source.error(.unclosedFrontMatter, line: 0, offset: source.lines[0].start)
    }

    /// The words of `raw` (separated by blanks) but the last, joined by one space, and the last.
    /// A value written with single spaces (the usual) is cut at its last space, without splitting it.
    static func fontWords(_ raw: String) -> (family: String, last: String) {
        let utf8 = raw.utf8
        if !utf8.contains(UInt8(ascii: "\t")), utf8.first != UInt8(ascii: " "), utf8.last != UInt8(ascii: " "),
           !raw.contains("  ") {
            guard let space = utf8.lastIndex(of: UInt8(ascii: " ")) else { return ("", raw) }
            return (String(raw[..<space]), String(raw[utf8.index(after: space)...]))
        }
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return (words.dropLast().joined(separator: " "), words.last.map(String.init) ?? "")
    }

    private func isDelimiter(_ index: Int) -> Bool {
        guard source.lines.indices.contains(index) else { return false }
        let line = source.lines[index]
        return source.matches(line.start, source.trimBlanksBack(line.start, line.end), "---")
    }

    private func apply(_ key: String, line: Int, start: Int, end: Int, to setup: inout PageSetup) throws(MarkupError) {
        let raw = source.string(start, end)
        func bad(_ expected: String) -> MarkupError {
            source.error(.badFrontMatterValue(key: key, value: raw, expected: expected), line: line, offset: start)
        }
        func plain() throws(MarkupError) -> String {
            let content = try InlineParser.parse(source, line: line, start: start, end: end)
            guard let text = PlainText.of(content) else {
                throw source.error(.plainTextExpected(context: "'\(key)'"), line: line, offset: start)
            }
            return text
        }
        switch key {
        case "page":
            guard let size = Length.pageSize(raw) else { throw source.error(.badPageSize(raw), line: line, offset: start) }
            (setup.pageWidth, setup.pageHeight) = (size.width, size.height)
        case "orientation":
            guard let orientation = Orientation(rawValue: raw.lowercased()) else { throw bad("portrait or landscape") }
            setup.orientation = orientation
        case "margins":
            guard let margins = Length.margins(raw) else { throw bad("one to four lengths such as 10mm 15mm") }
            (setup.marginTop, setup.marginRight, setup.marginBottom, setup.marginLeft) =
                (margins.top, margins.right, margins.bottom, margins.left)
        case "font":
            let (family, last) = Self.fontWords(raw)
            if !family.isEmpty, let size = Length.points(last) {
                guard size > 0 else { throw bad("a font family and a size above zero such as DejaVu Sans 9pt") }
                setup.fontSize = size
                setup.fontFamily = family
            } else if !last.isEmpty {
                setup.fontFamily = family.isEmpty ? last : family + " " + last
            } else {
                throw bad("a font family and size such as DejaVu Sans 9pt")
            }
        case "line-height":
            guard let value = Double(raw), value.isFinite, value > 0, value <= 10 else {
                throw bad("a multiple of the font size such as 1.25")
            }
            setup.lineHeight = value
        case "align":
            switch raw.lowercased() {
            case "left": setup.justify = false
            case "justify": setup.justify = true
            default: throw bad("left or justify")
            }
        case "title": setup.title = try plain()
        case "author": setup.author = try plain()
        case "subject": setup.subject = try plain()
        case "keywords": setup.keywords = try plain()
        case "date":
            let date = try plain()
            guard (try? CalendarDate(iso: date)) != nil else { throw bad("an ISO date such as 2024-02-29") }
            setup.creationDate = date
        case "header": setup.header = try InlineParser.parse(source, line: line, start: start, end: end)
        case "footer": setup.footer = try InlineParser.parse(source, line: line, start: start, end: end)
        case "password": setup.ownerPassword = try plain()
        case "user-password": setup.userPassword = try plain()
        case "pdfa":
            switch raw.lowercased() {
            case "true": setup.pdfa = true
            case "false": setup.pdfa = false
            default: throw bad("true (PDF/A-3b) or false")
            }
        case "bold":
            switch raw.lowercased() {
            case "synthetic": setup.syntheticBold = true
            case "font": setup.syntheticBold = false
            default: throw bad("font (the family's bold face) or synthetic (the regular face, stroked)")
            }
        default: // permissions
            switch raw.lowercased() {
            case "print-only": setup.printOnly = true
            case "all": setup.printOnly = false
            default: throw bad("print-only or all")
            }
        }
    }
}

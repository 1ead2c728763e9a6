/// What a body line is, decided from its first characters (the token stage of the parser).
enum LineKind: Equatable {
    case blank
    /// `#`… followed by a blank; `contentStart` is after the blanks.
    case heading(level: Int, contentStart: Int)
    /// Three or more `-` and nothing else.
    case rule
    /// `- `, `* ` or `12. `; `indent` counts leading blanks (a tab counts 2).
    case listItem(indent: Int, ordered: Bool, number: Int, contentStart: Int)
    /// Starts with `|`.
    case tableRow
    /// Starts with `@name` where `name` is a block directive; `first` is the offset of `@`.
    case directives(first: Int)
    case text

    /// Classifies line `index` of `source`.
    static func of(_ source: SourceText, line index: Int) -> LineKind {
        let bytes = source.bytes
        let line = source.lines[index]
        let first = source.skipBlanks(line.start, line.end)
        let end = line.end
        guard first < end else { return .blank }
        var indent = 0
        for offset in line.start..<first { indent += bytes[offset] == UInt8(ascii: "\t") ? 2 : 1 }
        switch bytes[first] {
        case UInt8(ascii: "#"):
            var index = first
            while index < end, bytes[index] == UInt8(ascii: "#") { index += 1 }
            if index == end || bytes[index].isBlank {
                return .heading(level: index - first, contentStart: source.skipBlanks(index, end))
            }
        case UInt8(ascii: "-"):
            let last = source.trimBlanksBack(first, end)
            if last - first >= 3, bytes[first..<last].allSatisfy({ $0 == UInt8(ascii: "-") }) { return .rule }
            if first + 1 == end || bytes[first + 1].isBlank {
                return .listItem(indent: indent, ordered: false, number: 1, contentStart: source.skipBlanks(first + 1, end))
            }
        case UInt8(ascii: "*"):
            if first + 1 == end || bytes[first + 1].isBlank {
                return .listItem(indent: indent, ordered: false, number: 1, contentStart: source.skipBlanks(first + 1, end))
            }
        case UInt8(ascii: "|"):
            return .tableRow
        case UInt8(ascii: "@"):
            var index = first + 1
            while index < end, bytes[index].isASCIILetter || bytes[index].isASCIIDigit { index += 1 }
            if DirectiveName.isBlock(bytes[(first + 1)..<index]) { return .directives(first: first) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var index = first, number = 0
            while index < end, bytes[index].isASCIIDigit, index - first < 9 {
                number = number * 10 + Int(bytes[index] - 48)
                index += 1
            }
            if index < end, bytes[index] == UInt8(ascii: "."), index + 1 == end || bytes[index + 1].isBlank {
                return .listItem(indent: indent, ordered: true, number: number, contentStart: source.skipBlanks(index + 1, end))
            }
        default:
            break
        }
        return .text
    }
}

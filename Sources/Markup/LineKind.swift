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
        let scalars = source.scalars
        let line = source.lines[index]
        let first = source.skipBlanks(line.start, line.end)
        let end = line.end
        guard first < end else { return .blank }
        var indent = 0
        for offset in line.start..<first { indent += scalars[offset] == "\t" ? 2 : 1 }
        switch scalars[first] {
        case "#":
            var index = first
            while index < end, scalars[index] == "#" { index += 1 }
            if index == end || scalars[index].isBlank {
                return .heading(level: index - first, contentStart: source.skipBlanks(index, end))
            }
        case "-":
            let last = source.trimBlanksBack(first, end)
            if last - first >= 3, scalars[first..<last].allSatisfy({ $0 == "-" }) { return .rule }
            if first + 1 == end || scalars[first + 1].isBlank {
                return .listItem(indent: indent, ordered: false, number: 1, contentStart: source.skipBlanks(first + 1, end))
            }
        case "*":
            if first + 1 == end || scalars[first + 1].isBlank {
                return .listItem(indent: indent, ordered: false, number: 1, contentStart: source.skipBlanks(first + 1, end))
            }
        case "|":
            return .tableRow
        case "@":
            var index = first + 1
            while index < end, scalars[index].isASCIILetter || scalars[index].isASCIIDigit { index += 1 }
            if DirectiveName.isBlock(source.scalars[(first + 1)..<index]) { return .directives(first: first) }
        case "0"..."9":
            var index = first, number = 0
            while index < end, scalars[index].isASCIIDigit, index - first < 9 {
                number = number * 10 + Int(scalars[index].value - 48)
                index += 1
            }
            if index < end, scalars[index] == ".", index + 1 == end || scalars[index + 1].isBlank {
                return .listItem(indent: indent, ordered: true, number: number, contentStart: source.skipBlanks(index + 1, end))
            }
        default:
            break
        }
        return .text
    }
}

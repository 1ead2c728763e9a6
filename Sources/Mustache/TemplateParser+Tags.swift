/// Reading what is inside a tag: names, dotted paths, formatter calls and their arguments.
extension TemplateParser {
    private static func isNameByte(_ byte: UInt8) -> Bool {
        !TemplateScanner.isSpace(byte) && byte != UInt8(ascii: "|")
    }

    /// A partial, parent or block name: one word.
    func simpleName(_ token: TemplateToken, what: String) throws(TemplateError) -> String {
        let content = bytes[token.content]
        guard !content.isEmpty else {
            throw lines.error(.syntax, at: token.range.lowerBound, "expected a \(what) name")
        }
        if let space = content.firstIndex(where: TemplateScanner.isSpace) {
            throw lines.error(.syntax, at: space, "expected the end of the tag after the \(what) name")
        }
        return text(token.content)
    }

    /// A partial or parent name: a plain name, or `*dotted.path` for a dynamic name.
    func partialName(_ token: TemplateToken, what: String) throws(TemplateError) -> (name: String, dynamic: NamePath?) {
        guard token.content.lowerBound < token.content.upperBound, bytes[token.content.lowerBound] == UInt8(ascii: "*") else {
            return (try simpleName(token, what: what), nil)
        }
        var start = token.content.lowerBound + 1
        while start < token.content.upperBound, TemplateScanner.isSpace(bytes[start]) { start += 1 }
        var rest = token
        rest.content = start..<token.content.upperBound
        let path = try path(rest)
        return ("*" + path.text, path)
    }

    /// A dotted name (`a.b.c`), `.` or `.a` (only the current context), from a section tag.
    func path(_ token: TemplateToken) throws(TemplateError) -> NamePath {
        if let space = bytes[token.content].firstIndex(where: { !Self.isNameByte($0) }) {
            throw lines.error(.syntax, at: space, "expected the end of the tag after the name "
                              + "(formatters are allowed only in {{value}} tags)")
        }
        return try path(token.content, tag: token)
    }

    private func path(_ range: Range<Int>, tag: TemplateToken) throws(TemplateError) -> NamePath {
        let name = text(range)
        guard !name.isEmpty else { throw lines.error(.syntax, at: tag.range.lowerBound, "expected a name") }
        if name == "." { return NamePath(text: name, segments: []) }
        let anchored = bytes[range.lowerBound] == UInt8(ascii: ".")
        let segments = bytes[(anchored ? range.lowerBound + 1 : range.lowerBound)..<range.upperBound]
            .split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard !segments.contains(where: \.isEmpty) else {
            throw lines.error(.syntax, at: range.lowerBound, "expected a name like 'a' or 'a.b', found '\(name)'")
        }
        return NamePath(text: name, segments: segments, anchored: anchored)
    }

    /// `{{ name | formatter: "arg", 2 | other }}`.
    mutating func variable(_ token: TemplateToken) throws(TemplateError) -> TemplateNode {
        var index = token.content.lowerBound
        let end = token.content.upperBound
        while index < end, Self.isNameByte(bytes[index]) { index += 1 }
        let path = try path(token.content.lowerBound..<index, tag: token)
        var calls: [FormatterCall] = []
        var handlesMissing = false

        func skipSpace() { while index < end, TemplateScanner.isSpace(bytes[index]) { index += 1 } }
        skipSpace()
        while index < end {
            guard bytes[index] == UInt8(ascii: "|") else {
                throw lines.error(.syntax, at: index, "expected '|' and a formatter, or the end of the tag")
            }
            index += 1
            skipSpace()
            let nameStart = index
            while index < end, Self.isFormatterNameByte(bytes[index]) { index += 1 }
            guard index > nameStart else { throw lines.error(.syntax, at: nameStart, "expected a formatter name after '|'") }
            let name = text(nameStart..<index)
            skipSpace()
            var arguments: [TemplateValue] = []
            if index < end, bytes[index] == UInt8(ascii: ":") {
                index += 1
                while true {
                    skipSpace()
                    arguments.append(try argument(at: &index, end: end))
                    skipSpace()
                    if index < end, bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    break
                }
            }
            if let formatter = formatters[name] {
                if formatter.handlesMissing { handlesMissing = true }
                if !formatter.arity.contains(arguments.count) {
                    let range = formatter.arity
                    let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                    errors.append(lines.error(.formatter(name), at: nameStart,
                                              "formatter '\(name)' takes \(expected) argument\(range.upperBound == 1 ? "" : "s"), got \(arguments.count)"))
                }
            } else {
                let known = formatters.names.joined(separator: ", ")
                errors.append(lines.error(.unknownFormatter(name), at: nameStart,
                                          "unknown formatter '\(name)'" + (known.isEmpty ? "" : " (known: \(known))")))
            }
            calls.append(FormatterCall(name: name, arguments: arguments, offset: nameStart))
        }
        return .variable(VariableTag(path: path, escaped: token.kind == .variable, formatters: calls,
                                     handlesMissing: handlesMissing, offset: token.range.lowerBound))
    }

    private static func isFormatterNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// A formatter argument: a quoted string (`\"`, `\\`, `\n` escapes) or a number.
    private func argument(at index: inout Int, end: Int) throws(TemplateError) -> TemplateValue {
        guard index < end else { throw lines.error(.syntax, at: index, "expected an argument (a quoted string or a number)") }
        let start = index
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            var buffer: [UInt8] = []
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return .string(String(decoding: buffer, as: UTF8.self))
                }
                if byte == UInt8(ascii: "\\"), index + 1 < end {
                    let next = bytes[index + 1]
                    switch next {
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(next)
                    default: throw lines.error(.syntax, at: index, "unknown escape in a string argument")
                    }
                    index += 2
                    continue
                }
                buffer.append(byte)
                index += 1
            }
            throw lines.error(.syntax, at: start, "string argument is not closed: expected '\"'")
        }
        while index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: ".")
                || (bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") || bytes[index] == UInt8(ascii: "+") {
            index += 1
        }
        guard index > start, let number = TemplateNumber(text: text(start..<index)) else {
            throw lines.error(.syntax, at: start, "expected an argument (a quoted string or a number)")
        }
        return .number(number)
    }
}

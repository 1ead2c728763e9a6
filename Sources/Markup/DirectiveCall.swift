/// One `@name(arguments)` as written: the name, where it is, and its raw argument values.
/// Values are kept as source ranges so each can be parsed as inline markup, plain text,
/// a keyword or a length, with errors pointing into the argument.
struct DirectiveCall {
    struct Value {
        var line: Int
        var start: Int
        var end: Int
        /// Written as `"..."` (the range excludes the quotes; blanks inside are kept).
        var quoted: Bool
    }

    struct Named {
        var name: String
        var nameOffset: Int
        var value: Value
    }

    var name: String
    var line: Int
    /// Offset of the `@`.
    var offset: Int
    var positional: [Value] = []
    var named: [Named] = []

    /// Reads `@name` and, if a `(` follows directly, its arguments up to the matching `)`.
    /// `start` is the offset of `@`; returns the call and the offset after it.
    static func scan(_ source: SourceText, line: Int, start: Int) throws(MarkupError) -> (DirectiveCall, Int) {
        let bytes = source.bytes
        let end = source.lines[line].end
        var index = start + 1
        while index < end, bytes[index].isASCIILetter || bytes[index].isASCIIDigit || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        var call = DirectiveCall(name: source.string(start + 1, index), line: line, offset: start)
        guard index < end, bytes[index] == UInt8(ascii: "(") else { return (call, index) }
        index += 1
        if source.skipBlanks(index, end) < end, bytes[source.skipBlanks(index, end)] == UInt8(ascii: ")") {
            return (call, source.skipBlanks(index, end) + 1)
        }
        while true {
            index = source.skipBlanks(index, end)
            var nameOffset = -1, argumentName = ""
            if let (name, afterColon) = namedPrefix(source, index, end) {
                nameOffset = index
                argumentName = name
                index = source.skipBlanks(afterColon, end)
            }
            let value: Value
            if index < end, bytes[index] == UInt8(ascii: "\"") {
                var close = index + 1
                while close < end, bytes[close] != UInt8(ascii: "\"") {
                    close += bytes[close] == UInt8(ascii: "\\") && close + 1 < end && bytes[close + 1].isASCIIPunctuation ? 2 : 1
                }
                guard close < end else { throw source.error(.unterminatedString, line: line, offset: index) }
                value = Value(line: line, start: index + 1, end: close, quoted: true)
                index = source.skipBlanks(close + 1, end)
                guard index < end, bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: ")") else {
                    throw source.error(.expectedArgumentSeparator(directive: call.name), line: line, offset: index)
                }
            } else {
                var depth = 0, valueEnd = index
                while valueEnd < end {
                    let byte = bytes[valueEnd]
                    if byte == UInt8(ascii: "\\"), valueEnd + 1 < end, bytes[valueEnd + 1].isASCIIPunctuation {
                        valueEnd += 2
                        continue
                    }
                    if byte == UInt8(ascii: "(") { depth += 1 }
                    if byte == UInt8(ascii: ")") {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    if byte == UInt8(ascii: ","), depth == 0 { break }
                    valueEnd += 1
                }
                guard valueEnd < end else {
                    throw source.error(.unclosedArguments(directive: call.name), line: line, offset: end)
                }
                value = Value(line: line, start: index, end: source.trimBlanksBack(index, valueEnd), quoted: false)
                index = valueEnd
            }
            if nameOffset >= 0 {
                call.named.append(Named(name: argumentName, nameOffset: nameOffset, value: value))
            } else {
                call.positional.append(value)
            }
            if bytes[index] == UInt8(ascii: ")") { return (call, index + 1) }
            index += 1
        }
    }

    /// `name:` at `index` (a lowercase identifier, blanks, colon): the name and the offset after `:`.
    private static func namedPrefix(_ source: SourceText, _ start: Int, _ end: Int) -> (String, Int)? {
        let bytes = source.bytes
        var index = start
        guard index < end, bytes[index].isASCIILowercase else { return nil }
        while index < end, bytes[index].isASCIILetter || bytes[index].isASCIIDigit || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        let nameEnd = index
        index = source.skipBlanks(index, end)
        guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
        return (source.string(start, nameEnd), index + 1)
    }
}

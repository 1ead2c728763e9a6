/// A strict RFC 8259 reader for input documents. Unlike `JSONSerialization` it keeps each
/// number's source text (so `99999999999999.99` is read exactly, never through `Double`),
/// refuses a key given twice in one object and a trailing comma, and names the JSON path
/// of what it refuses. Nesting is limited so hostile input cannot exhaust the stack.
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted; documents need fewer than ten.
    static let maximumDepth = 128
    /// The largest text read: an invoice of `Invoice.maximumLines` lines with every field at
    /// its longest fits. Memory stays bounded by this.
    static let maximumBytes = 16 * 1_048_576

    private let bytes: [UInt8]
    private var offset = 0
    /// The path components of the value being read, for messages.
    private var path: [Component] = []

    private enum Component {
        case key(String)
        case index(Int)
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The single value the text holds, with nothing but white space around it.
    mutating func parseDocument() throws(ValidationError) -> JSONValue {
        // A UTF-8 byte order mark is tolerated, as JSONSerialization did.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        skipSpace()
        let value = try parseValue()
        skipSpace()
        guard offset == bytes.count else { throw failure("unexpected text after the value") }
        return value
    }

    private mutating func parseValue() throws(ValidationError) -> JSONValue {
        guard offset < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("unexpected character")
        }
    }

    private mutating func parseObject() throws(ValidationError) -> JSONValue {
        try enter()
        offset += 1
        var pairs: [(key: String, value: JSONValue)] = []
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            return .object([])
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else {
                if peek() == UInt8(ascii: "}"), !pairs.isEmpty { throw failure("a trailing comma", atPath: true) }
                throw failure("expected a key in quotes")
            }
            let key = try parseString()
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            offset += 1
            skipSpace()
            path.append(.key(key))
            pairs.append((key: key, value: try parseValue()))
            path.removeLast()
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard peek() == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
            offset += 1
            break
        }
        // Keys are kept sorted; a key given twice then sits beside its twin.
        pairs.sort { $0.key < $1.key }
        for index in pairs.indices.dropFirst() where pairs[index].key == pairs[index - 1].key {
            path.append(.key(pairs[index].key))
            throw located("duplicate key")
        }
        return .object(pairs)
    }

    private mutating func parseArray() throws(ValidationError) -> JSONValue {
        try enter()
        offset += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            return .array([])
        }
        while true {
            skipSpace()
            if peek() == UInt8(ascii: "]") { throw failure("a trailing comma", atPath: true) }
            path.append(.index(items.count))
            items.append(try parseValue())
            path.removeLast()
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard peek() == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
            offset += 1
            return .array(items)
        }
    }

    /// Counts one more level of nesting (levels are the path's length).
    private func enter() throws(ValidationError) {
        guard path.count < Self.maximumDepth else {
            throw failure("nested deeper than \(Self.maximumDepth) levels")
        }
    }

    /// The number's text as written, after checking the JSON grammar.
    private mutating func parseNumber() throws(ValidationError) -> String {
        let start = offset
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard skipDigits() else { throw failure("expected a digit") }
        }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            guard skipDigits() else { throw failure("expected a digit after '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard skipDigits() else { throw failure("expected a digit in the exponent") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// Skips ASCII digits; whether there was at least one.
    private mutating func skipDigits() -> Bool {
        let start = offset
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
        return offset > start
    }

    /// A string's content, escapes resolved; control characters must be escaped and the
    /// bytes must be UTF-8.
    private mutating func parseString() throws(ValidationError) -> String {
        offset += 1
        var result = ""
        var runStart = offset
        while true {
            guard let byte = peek() else { throw failure("the string is not closed") }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                try appendRun(from: runStart, to: &result)
                offset += 1
                if byte == UInt8(ascii: "\"") { return result }
                try appendEscape(to: &result)
                runStart = offset
            } else if byte < 0x20 {
                throw failure("a control character in a string must be escaped")
            } else {
                offset += 1
            }
        }
    }

    /// Appends the bytes from `start` to the current position, which must be UTF-8.
    private func appendRun(from start: Int, to result: inout String) throws(ValidationError) {
        guard start < offset else { return }
        guard let run = String(validating: bytes[start..<offset], as: UTF8.self) else {
            throw failure("the text is not UTF-8")
        }
        result += run
    }

    /// Reads the escape after a backslash.
    private mutating func appendEscape(to result: inout String) throws(ValidationError) {
        guard let byte = peek() else { throw failure("the string is not closed") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): result += "\""
        case UInt8(ascii: "\\"): result += "\\"
        case UInt8(ascii: "/"): result += "/"
        case UInt8(ascii: "b"): result += "\u{08}"
        case UInt8(ascii: "f"): result += "\u{0C}"
        case UInt8(ascii: "n"): result += "\n"
        case UInt8(ascii: "r"): result += "\r"
        case UInt8(ascii: "t"): result += "\t"
        case UInt8(ascii: "u"):
            var unit = try hexUnit()
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate must be followed by an escaped low one.
                guard peek() == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw failure("a lone surrogate in \\u escape")
                }
                offset += 2
                let low = try hexUnit()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("a lone surrogate in \\u escape") }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(unit) else { throw failure("a lone surrogate in \\u escape") }
            result.unicodeScalars.append(scalar)
        default:
            throw failure("unknown escape")
        }
    }

    /// Four hexadecimal digits.
    private mutating func hexUnit() throws(ValidationError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else { throw failure("expected four hexadecimal digits") }
            unit = unit << 4 | digit
            offset += 1
        }
        return unit
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func literal(_ word: StaticString) throws(ValidationError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
            throw failure("unexpected character")
        }
        offset += expected.count
    }

    private func peek() -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    /// A syntax error at the current position, reported at the root (`$: not valid JSON
    /// (line 3, column 7: ...)`), or at the path of the value being read when it is clear
    /// (a trailing comma in `$.lines`).
    private func failure(_ detail: String, atPath: Bool = false) -> ValidationError {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        let reason = "\(ValidationReason.notJSON) (line \(line), column \(column): \(detail))"
        if atPath { return located(reason) }
        return ValidationError(problems: [ValidationProblem(path: "$", reason: reason)])
    }

    /// A problem at the path being read (a duplicate key, a trailing comma).
    private func located(_ reason: String) -> ValidationError {
        var text = "$"
        for component in path {
            switch component {
            case .key(let key): text += JSONCursor.pathComponent(key)
            case .index(let index): text += "[\(index)]"
            }
        }
        return ValidationError(problems: [ValidationProblem(path: text, reason: reason)])
    }
}

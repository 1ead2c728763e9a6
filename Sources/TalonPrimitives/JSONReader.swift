/// A strict RFC 8259 reader. Unlike `JSONSerialization` it keeps each number's source text
/// (so `99999999999999.99` is read exactly, never through `Double`), refuses a key given
/// twice in one object, a trailing comma, a leading zero and text that is not UTF-8, and
/// says where it stopped. Nesting is limited so hostile input cannot exhaust the stack.
package struct JSONReader {
    /// The deepest nesting of arrays and objects accepted; documents need fewer than ten.
    package static let maximumDepth = 128

    let bytes: [UInt8]
    var offset = 0
    /// The keys and indexes down to the value being read, for errors.
    private var path: [JSONSyntaxError.PathComponent] = []
    /// Whether a number's text is usable by the caller (e.g. fits its number type).
    private let acceptsNumber: ((String) -> Bool)?

    package init(_ bytes: [UInt8], acceptsNumber: ((String) -> Bool)? = nil) {
        self.bytes = bytes
        self.acceptsNumber = acceptsNumber
    }

    /// The single value the text holds, with nothing but white space around it.
    package mutating func readDocument() throws(JSONSyntaxError) -> JSONValue {
        // A UTF-8 byte order mark is tolerated, as JSONSerialization does.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        skipSpace()
        let value = try readValue()
        skipSpace()
        guard offset == bytes.count else { throw failure(.textAfterValue) }
        return value
    }

    private mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        guard let byte = peek() else { throw failure(.expectedValue(atEnd: true)) }
        switch byte {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw failure(.expectedValue(atEnd: false))
        }
    }

    private mutating func readObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        let start = offset
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
                if peek() == UInt8(ascii: "}"), !pairs.isEmpty { throw failure(.trailingComma(inObject: true)) }
                throw failure(.expectedKey)
            }
            let key = try readString()
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw failure(.expectedColon) }
            offset += 1
            skipSpace()
            path.append(.key(key))
            pairs.append((key: key, value: try readValue()))
            path.removeLast()
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard peek() == UInt8(ascii: "}") else { throw failure(.expectedCommaOrClose(inObject: true)) }
            offset += 1
            break
        }
        // Keys are kept sorted; a key given twice then sits beside its twin.
        pairs.sort { $0.key < $1.key }
        for index in pairs.indices.dropFirst() where pairs[index].key == pairs[index - 1].key {
            throw JSONSyntaxError(reason: .duplicateKey(pairs[index].key), offset: start, path: path)
        }
        return .object(pairs)
    }

    private mutating func readArray() throws(JSONSyntaxError) -> JSONValue {
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
            if peek() == UInt8(ascii: "]") { throw failure(.trailingComma(inObject: false)) }
            path.append(.index(items.count))
            items.append(try readValue())
            path.removeLast()
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard peek() == UInt8(ascii: "]") else { throw failure(.expectedCommaOrClose(inObject: false)) }
            offset += 1
            return .array(items)
        }
    }

    /// Counts one more level of nesting (levels are the path's length).
    private func enter() throws(JSONSyntaxError) {
        guard path.count < Self.maximumDepth else { throw failure(.tooDeep) }
    }

    /// The number's text as written, after checking the JSON grammar.
    private mutating func readNumber() throws(JSONSyntaxError) -> String {
        let start = offset
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") {
            offset += 1
            if let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                throw JSONSyntaxError(reason: .leadingZero, offset: offset - 1, path: path)
            }
        } else {
            guard skipDigits() else { throw failure(.expectedDigit) }
        }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            guard skipDigits() else { throw failure(.expectedFractionDigit) }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard skipDigits() else { throw failure(.expectedExponentDigit) }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if let acceptsNumber, !acceptsNumber(text) {
            throw JSONSyntaxError(reason: .numberOutOfRange, offset: start, path: path)
        }
        return text
    }

    /// Skips ASCII digits; whether there was at least one.
    private mutating func skipDigits() -> Bool {
        let start = offset
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
        return offset > start
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
            throw failure(.expectedValue(atEnd: false))
        }
        offset += expected.count
    }

    func peek() -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    /// An error at the current position.
    func failure(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError {
        JSONSyntaxError(reason: reason, offset: offset, path: path)
    }
}

import Foundation
import TalonPrimitives

extension TemplateValue {
    /// Reads JSON text (UTF-8). Numbers keep their exact value (integers stay integers,
    /// decimals become `Decimal`), `true`/`false` are booleans, never numbers.
    /// - Parameter file: the name used in error locations (e.g. "claim.json").
    /// - Throws: `TemplateError` of kind `.invalidData`, located at the offending character.
    public init(json: Data, file: String = "data.json") throws(TemplateError) {
        var reader = JSONReader(bytes: [UInt8](json), file: file)
        self = try reader.readDocument()
    }

    /// Reads JSON text from a string; see `init(json:file:)`.
    public init(jsonText: String, file: String = "data.json") throws(TemplateError) {
        try self.init(json: Data(jsonText.utf8), file: file)
    }
}

/// A small recursive-descent JSON reader that keeps number text exact and reports positions.
struct JSONReader {
    let bytes: [UInt8]
    let file: String
    var offset = 0
    /// Deeper nesting is refused so hostile input cannot exhaust the stack.
    static let maximumDepth = 256

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func fail(_ message: String, at position: Int? = nil) -> TemplateError {
        LineTable(file: file, bytes: bytes).error(.invalidData, at: position ?? offset, message)
    }

    mutating func readDocument() throws(TemplateError) -> TemplateValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        let value = try readValue(depth: 0)
        skipWhitespace()
        if offset < bytes.count { throw fail("expected the end of the JSON text") }
        return value
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private mutating func readValue(depth: Int) throws(TemplateError) -> TemplateValue {
        guard depth < Self.maximumDepth else { throw fail("JSON nests deeper than \(Self.maximumDepth) levels") }
        skipWhitespace()
        guard offset < bytes.count else { throw fail("expected a JSON value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try readObject(depth: depth)
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try readWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try readWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw fail("expected a JSON value")
        }
    }

    private mutating func readWord(_ word: String) throws(TemplateError) {
        let utf8 = Array(word.utf8)
        guard offset + utf8.count <= bytes.count, Array(bytes[offset..<offset + utf8.count]) == utf8 else {
            throw fail("expected a JSON value")
        }
        offset += utf8.count
    }

    private mutating func readObject(depth: Int) throws(TemplateError) -> TemplateValue {
        offset += 1
        var members: [String: TemplateValue] = [:]
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .map(members) }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw fail("expected a member name in quotes")
            }
            let key = try readString()
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            offset += 1
            members[key] = try readValue(depth: depth + 1)
            skipWhitespace()
            guard offset < bytes.count else { throw fail("expected ',' or '}'") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .map(members) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func readArray(depth: Int) throws(TemplateError) -> TemplateValue {
        offset += 1
        var items: [TemplateValue] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .list(items) }
        while true {
            items.append(try readValue(depth: depth + 1))
            skipWhitespace()
            guard offset < bytes.count else { throw fail("expected ',' or ']'") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .list(items) }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func readNumber() throws(TemplateError) -> TemplateNumber {
        let start = offset
        func digits() -> Int {
            let from = offset
            while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 { offset += 1 }
            return offset - from
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let intStart = offset
        guard digits() > 0 else { throw fail("expected digits") }
        if bytes[intStart] == UInt8(ascii: "0"), offset - intStart > 1 {
            throw fail("a number must not start with 0", at: intStart)
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw fail("expected digits after '.'") }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard digits() > 0 else { throw fail("expected exponent digits") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let number = TemplateNumber(text: text) else { throw fail("number out of range", at: start) }
        return number
    }

    private mutating func readString() throws(TemplateError) -> String {
        let start = offset
        offset += 1
        var buffer: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < bytes.count else { break }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try readHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                              bytes[offset + 1] == UInt8(ascii: "u") else {
                            throw fail("expected the second half of a surrogate pair")
                        }
                        offset += 2
                        let low = try readHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                    buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw fail("unknown escape '\\\(Character(Unicode.Scalar(escape)))'", at: offset - 2)
                }
            case 0x00..<0x20:
                throw fail("control character in a string")
            default:
                buffer.append(byte)
                offset += 1
            }
        }
        throw fail("string is not closed", at: start)
    }

    private mutating func readHex4() throws(TemplateError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("expected 4 hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexDigit(bytes[offset]) else { throw fail("expected a hex digit") }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }
}

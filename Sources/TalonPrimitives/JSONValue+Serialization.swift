/// Deterministic JSON text: object keys in stored order, two-space indentation.
extension JSONValue {
    /// The value as JSON text. Same value, same bytes.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(pretty:)`, written without making a String.
    public func serializedBytes(pretty: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, indent: 0, pretty: pretty)
        if pretty { output.append(0x0A) }
        return output
    }

    private func write(to output: inout [UInt8], indent: Int, pretty: Bool) {
        func newline(_ indent: Int) {
            guard pretty else { return }
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: 2 * indent))
        }
        switch self {
        case .null: output += "null".utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .number(let text): output += text.utf8
        case .string(let text): Self.quote(text, to: &output)
        case .array(let items):
            if items.isEmpty { output += "[]".utf8; return }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                item.write(to: &output, indent: indent + 1, pretty: pretty)
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { output += "{}".utf8; return }
            output.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                Self.quote(pair.key, to: &output)
                output += (pretty ? ": " : ":").utf8
                pair.value.write(to: &output, indent: indent + 1, pretty: pretty)
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, every
    /// other character as its UTF-8 bytes.
    static func quote(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += "\\\"".utf8
            case UInt8(ascii: "\\"): output += "\\\\".utf8
            case 0x0A: output += "\\n".utf8
            case 0x0D: output += "\\r".utf8
            case 0x09: output += "\\t".utf8
            case ..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                output += "\\u00".utf8
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// How `{{name}}` escapes the text it inserts (`{{{name}}}` and `{{&name}}` never escape).
///
/// `.html` for HTML output, `.none` for plain text, or a custom function, e.g. the markup's
/// backslash escaping of its punctuation for documents.
public struct Escaper: Sendable {
    enum Kind: Sendable {
        case none
        case html
        case custom(@Sendable (String) -> String)
        case appending(@Sendable (String, inout [UInt8]) -> Void)
    }

    let kind: Kind

    /// A custom escaping function, applied to each interpolated value's text.
    public init(_ escape: @escaping @Sendable (String) -> String) {
        kind = .custom(escape)
    }

    /// A custom escaping function that appends each interpolated value's escaped UTF-8
    /// straight to the output (no intermediate string per value).
    public init(appending append: @escaping @Sendable (String, inout [UInt8]) -> Void) {
        kind = .appending(append)
    }

    private init(kind: Kind) {
        self.kind = kind
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` as HTML entities.
    public static let html = Escaper(kind: .html)

    /// Inserts text unchanged.
    public static let none = Escaper(kind: .none)

    /// Escapes a string (convenience for callers and tests).
    public func escape(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the escaped text to a UTF-8 buffer.
    func append(_ text: String, to output: inout [UInt8]) {
        switch kind {
        case .none:
            output.append(contentsOf: text.utf8)
        case .html:
            Escaper.appendHTML(text, to: &output)
        case .custom(let escape):
            output.append(contentsOf: escape(text).utf8)
        case .appending(let append):
            append(text, &output)
        }
    }

    private static func appendHTML(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }
}

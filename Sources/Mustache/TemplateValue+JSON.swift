import Foundation
import TalonPrimitives

extension TemplateValue {
    /// Reads JSON text (UTF-8) strictly (see `JSONReader`: no duplicate keys, trailing commas
    /// or leading zeros). Numbers keep their exact value (integers stay integers, decimals
    /// become `Decimal`), `true`/`false` are booleans, never numbers.
    /// - Parameter file: the name used in error locations (e.g. "claim.json").
    /// - Throws: `TemplateError` of kind `.invalidData`, located at the offending character.
    public init(json: Data, file: String = "data.json") throws(TemplateError) {
        let bytes = [UInt8](json)
        var reader = JSONReader(bytes, acceptsNumber: { TemplateNumber(text: $0) != nil })
        do {
            self.init(try reader.readDocument())
        } catch {
            let (message, offset) = Self.message(error, in: bytes)
            throw LineTable(file: file, bytes: bytes).error(.invalidData, at: offset, message)
        }
    }

    /// Reads JSON text from a string; see `init(json:file:)`.
    public init(jsonText: String, file: String = "data.json") throws(TemplateError) {
        try self.init(json: Data(jsonText.utf8), file: file)
    }

    private init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        // The reader has already checked that the text makes a TemplateNumber.
        case .number(let text): self = TemplateNumber(text: text).map(TemplateValue.number) ?? .null
        case .string(let text): self = .string(text)
        case .array(let items): self = .list(items.map(TemplateValue.init))
        case .object(let pairs):
            self = .map(Dictionary(pairs.lazy.map { ($0.key, TemplateValue($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The message and the byte offset a reading error is shown at.
    private static func message(_ error: JSONSyntaxError, in bytes: [UInt8]) -> (String, Int) {
        let at = error.offset
        switch error.reason {
        case .expectedValue, .trailingComma(inObject: false): return ("expected a JSON value", at)
        case .tooDeep: return ("JSON nests deeper than \(JSONReader.maximumDepth) levels", at)
        case .expectedKey, .trailingComma(inObject: true): return ("expected a member name in quotes", at)
        case .expectedColon: return ("expected ':'", at)
        case .expectedCommaOrClose(let inObject): return (inObject ? "expected ',' or '}'" : "expected ',' or ']'", at)
        case .duplicateKey(let key): return ("the key \"\(key)\" is given twice in this object", at)
        case .expectedDigit: return ("expected digits", at)
        case .leadingZero: return ("a number must not start with 0", at)
        case .expectedFractionDigit: return ("expected digits after '.'", at)
        case .expectedExponentDigit: return ("expected exponent digits", at)
        case .numberOutOfRange: return ("number out of range", at)
        case .unclosedString(let start): return ("string is not closed", start)
        case .controlCharacter: return ("control character in a string", at)
        case .notUTF8: return ("the text is not UTF-8", at)
        case .unknownEscape(let byte, let backslash):
            return ("unknown escape '\\\(Character(Unicode.Scalar(byte)))'", backslash)
        case .expectedHexDigits(let start):
            return start + 4 > bytes.count ? ("expected 4 hex digits", start) : ("expected a hex digit", at)
        case .missingLowSurrogate: return ("expected the second half of a surrogate pair", at)
        case .invalidLowSurrogate: return ("invalid surrogate pair", at)
        case .loneLowSurrogate: return ("invalid \\u escape", at)
        case .textAfterValue: return ("expected the end of the JSON text", at)
        }
    }
}

import Foundation

/// The data a template renders: what JSON holds, typed.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    case number(TemplateNumber)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])
    case null

    /// An integer number.
    public static func integer(_ value: Int) -> TemplateValue { .number(.integer(Int64(value))) }

    /// A decimal number (exact; never goes through `Double`).
    public static func decimal(_ value: Decimal) -> TemplateValue { .number(.decimal(value)) }

    /// Mustache truthiness: `null`, `false`, `""`, `0` and `[]` are falsey; everything else
    /// (including an empty map) is truthy.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .string(let value): return !value.isEmpty
        case .list(let items): return !items.isEmpty
        case .number(let number): return !number.isZero
        case .map: return true
        }
    }

    /// The text an interpolation prints: strings as they are, integers without ".0",
    /// decimals in their shortest exact form, `true`/`false`, nothing for `null` and maps,
    /// list items joined by ", ".
    public var text: String {
        switch self {
        case .string(let value): return value
        case .number(let number): return number.description
        case .bool(let value): return value ? "true" : "false"
        case .null, .map: return ""
        case .list(let items): return items.map(\.text).joined(separator: ", ")
        }
    }

    /// The member of a map, or nil.
    public subscript(key: String) -> TemplateValue? {
        if case .map(let members) = self { return members[key] }
        return nil
    }
}

/// A JSON number kept exactly: integers that fit 64 bits, everything else as `Decimal`.
public enum TemplateNumber: Sendable, Equatable, CustomStringConvertible {
    case integer(Int64)
    case decimal(Decimal)

    /// Reads JSON number text ("12", "-0.5", "1e3"); nil when it is not a number.
    public init?(text: String) {
        if let value = Int64(text) {
            self = .integer(value)
        } else if let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  !value.isNaN {
            self = .decimal(value)
        } else if let value = Double(text), value.isFinite {
            self = .decimal(Decimal(value))
        } else {
            return nil
        }
    }

    /// The value as a `Decimal`.
    public var decimalValue: Decimal {
        switch self {
        case .integer(let value): return Decimal(value)
        case .decimal(let value): return value
        }
    }

    var isZero: Bool {
        switch self {
        case .integer(let value): return value == 0
        case .decimal(let value): return value.isZero
        }
    }

    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .decimal(let value): return value.description
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// Float literals go through their shortest decimal text, so `1.21` stays exactly 1.21.
    public init(floatLiteral value: Double) {
        self = TemplateNumber(text: "\(value)").map(TemplateValue.number) ?? .null
    }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

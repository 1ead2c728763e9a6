import Foundation

/// Readers for leaf values. Each returns `nil` when absent (reporting `required` if the
/// value is required) or when invalid (reporting why).
extension JSONCursor {
    /// A string, trimmed of surrounding white space; blank counts as absent.
    public func string(required: Bool, maxLength: Int = 2000) -> String? {
        guard let value, value != .null else {
            if required { report(ValidationReason.required) }
            return nil
        }
        guard case .string(let raw) = value else {
            report("must be a string, not \(value.typeName)")
            return nil
        }
        let text = JSONCursor.trimmed(raw)
        if text.isEmpty {
            if required { report(ValidationReason.required) }
            return nil
        }
        if text.count > maxLength {
            report("longer than \(maxLength) characters")
            return nil
        }
        return text
    }

    /// `text` without leading and trailing white space (Unicode-aware, no Foundation).
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// A calendar date written `YYYY-MM-DD`.
    public func date(required: Bool) -> CalendarDate? {
        guard let text = string(required: required) else { return nil }
        do {
            return try CalendarDate(iso: text)
        } catch .notISODate {
            report(ValidationReason.notADate)
        } catch {
            report("not a real date: \(error.description)")
        }
        return nil
    }

    /// An e-mail address (one `@`, a non-empty local part, a dotted domain, no spaces).
    public func email(required: Bool) -> String? {
        guard let text = string(required: required, maxLength: 254) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && !text.contains(where: \.isWhitespace)
            && parts[1].split(separator: ".", omittingEmptySubsequences: false).count >= 2
            && !parts[1].split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        if !valid {
            report(ValidationReason.notAnEmail)
            return nil
        }
        return text
    }

    /// A telephone number: digits with optional leading `+`, spaces, dashes, parentheses;
    /// 5 to 15 digits.
    public func phone(required: Bool) -> String? {
        guard let text = string(required: required, maxLength: 40) else { return nil }
        let allowed = text.allSatisfy { $0.isASCII && ($0.isNumber || " +-()".contains($0)) }
        let digits = text.filter { $0.isASCII && $0.isNumber }.count
        if !allowed || !(5...15).contains(digits) || text.dropFirst().contains("+") {
            report("not a telephone number")
            return nil
        }
        return text
    }

    /// A whole number in `range`.
    public func integer(required: Bool, in range: ClosedRange<Int>) -> Int? {
        guard let value, value != .null else {
            if required { report(ValidationReason.required) }
            return nil
        }
        guard case .number(let text) = value, let number = Int(text) else {
            report("must be a whole number")
            return nil
        }
        guard range.contains(number) else {
            if range.lowerBound == 1 && number < 1 {
                report(ValidationReason.mustBePositive)
            } else {
                report("must be between \(range.lowerBound) and \(range.upperBound)")
            }
            return nil
        }
        return number
    }

    /// A boolean; `defaultValue` when absent.
    public func bool(default defaultValue: Bool) -> Bool {
        switch value {
        case nil, .null?: return defaultValue
        case .bool(let flag)?: return flag
        case let other?:
            report("must be true or false, not \(other.typeName)")
            return defaultValue
        }
    }

    /// One of the listed strings.
    public func choice(required: Bool, of choices: [String]) -> String? {
        guard let text = string(required: required) else { return nil }
        guard choices.contains(text) else {
            report("must be one of: \(choices.joined(separator: ", "))")
            return nil
        }
        return text
    }

    /// An exact decimal written as a JSON number or a string (`1.5`, `"0.335"`).
    public func decimal(required: Bool) -> DecimalNumber? {
        guard let value, value != .null else {
            if required { report(ValidationReason.required) }
            return nil
        }
        let text: String
        switch value {
        case .number(let digits): text = digits
        case .string(let digits): text = JSONCursor.trimmed(digits)
        default:
            report("must be a decimal number, not \(value.typeName)")
            return nil
        }
        do {
            return try DecimalNumber(parsing: text)
        } catch {
            report(error.description)
            return nil
        }
    }
}

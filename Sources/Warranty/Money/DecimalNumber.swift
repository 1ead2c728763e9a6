/// An exact decimal: `significand × 10^-scale`, e.g. 1.5 = (15, 1), 0.335 = (335, 3).
/// Used for quantities, unit prices and percentages read from input, so nothing passes
/// through binary floating point.
public struct DecimalNumber: Sendable, Hashable, CustomStringConvertible {
    /// The digits as an integer.
    public let significand: Int64
    /// Digits after the decimal point, 0...9.
    public let scale: Int

    /// The largest accepted scale.
    public static let maximumScale = 9

    public init(significand: Int64, scale: Int) throws(DecimalNumberError) {
        guard (0...DecimalNumber.maximumScale).contains(scale) else { throw .tooManyDecimals(scale) }
        self.significand = significand
        self.scale = scale
    }

    /// A whole number.
    public init(_ integer: Int64) {
        self.significand = integer
        self.scale = 0
    }

    /// Parses `-12.345`, `1e-07`, `2.5E3` exactly; rejects anything else.
    public init(parsing text: String) throws(DecimalNumberError) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            // `magnitude`, not `abs`: abs(Int.min) traps.
            guard let value = Int(text[text.index(after: e)...]), value.magnitude <= 30 else {
                throw .notANumber(text)
            }
            exponent = value
        }
        var negative = false
        if mantissa.first == "-" {
            negative = true
            mantissa = mantissa.dropFirst()
        } else if mantissa.first == "+" {
            mantissa = mantissa.dropFirst()
        }
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = pieces[0]
        let fraction = pieces.count > 1 ? pieces[1] : ""
        guard !whole.isEmpty || !fraction.isEmpty,
            (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw .notANumber(text) }
        var digits = String(whole + fraction)
        var scale = fraction.count - exponent
        if scale < 0 {
            digits += String(repeating: "0", count: -scale)
            scale = 0
        }
        // Drop trailing zeros beyond the point so 1.500 and 1.5 are equal values.
        while scale > 0, digits.last == "0" {
            digits.removeLast()
            scale -= 1
        }
        // Zero written with fewer digits than decimals ("0e-2") loses every digit above.
        if digits.isEmpty {
            digits = "0"
            scale = 0
        }
        let trimmed = digits.drop(while: { $0 == "0" })
        guard trimmed.count <= 18, let magnitude = Int64(trimmed.isEmpty ? "0" : String(trimmed)) else {
            throw .outOfRange(text)
        }
        guard scale <= DecimalNumber.maximumScale else { throw .tooManyDecimals(scale) }
        self.significand = negative ? -magnitude : magnitude
        self.scale = scale
    }

    /// Plain decimal text, e.g. `0.335`, `-2`, `1.5`.
    public var description: String {
        let magnitude = String(significand.magnitude)
        let sign = significand < 0 ? "-" : ""
        guard scale > 0 else { return sign + magnitude }
        let padded = magnitude.count > scale ? magnitude : String(repeating: "0", count: scale - magnitude.count + 1) + magnitude
        let point = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<point] + "." + padded[point...]
    }

    public var isPositive: Bool { significand > 0 }
    public var isNegative: Bool { significand < 0 }

    /// The value rescaled to `targetScale` decimals, rounding half away from zero
    /// (the "half-up" rule of invoices: 1.005 → 1.01, -1.005 → -1.01).
    public func rounded(toScale targetScale: Int) throws(MoneyError) -> Int64 {
        if targetScale >= scale {
            return try DecimalNumber.scaleUp(significand, by: targetScale - scale)
        }
        let divisor = try DecimalNumber.power10(scale - targetScale)
        return DecimalNumber.divideRoundingHalfUp(significand, by: divisor)
    }

    /// `10^exponent`, throwing when it does not fit in Int64.
    static func power10(_ exponent: Int) throws(MoneyError) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<max(exponent, 0) {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { throw .overflow }
            result = next
        }
        return result
    }

    static func scaleUp(_ value: Int64, by exponent: Int) throws(MoneyError) -> Int64 {
        let (result, overflow) = value.multipliedReportingOverflow(by: try power10(exponent))
        if overflow { throw .overflow }
        return result
    }

    /// `value / divisor` rounded half away from zero; `divisor` > 0.
    static func divideRoundingHalfUp(_ value: Int64, by divisor: Int64) -> Int64 {
        let quotient = value / divisor
        let remainder = value % divisor
        // Compare 2·|remainder| with divisor without overflow.
        if remainder.magnitude >= divisor.magnitude - remainder.magnitude {
            return value < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }
}

/// Why a decimal could not be read.
public enum DecimalNumberError: Error, Equatable, Sendable, CustomStringConvertible {
    case notANumber(String)
    case tooManyDecimals(Int)
    case outOfRange(String)

    public var description: String {
        switch self {
        case .notANumber(let text): "not a decimal number: \"\(text)\""
        case .tooManyDecimals(let scale): "too many decimal places (\(scale), at most \(DecimalNumber.maximumScale))"
        case .outOfRange(let text): "number out of range: \(text)"
        }
    }
}

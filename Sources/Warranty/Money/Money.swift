/// An amount of money: integer minor units (kopiykas, cents) and a currency.
/// Never `Double`; every operation that could overflow throws `MoneyError.overflow`.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in minor units (1234.56 UAH = 123456).
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// An amount written in major units (`"1234.56"`), which must not have more decimals
    /// than the currency's minor unit.
    public init(parsing text: String, currency: Currency) throws(MoneyParseError) {
        let number: DecimalNumber
        do {
            number = try DecimalNumber(parsing: text)
        } catch {
            throw .notANumber(error.description)
        }
        guard number.scale <= currency.minorDigits else {
            throw .tooManyDecimals(allowed: currency.minorDigits)
        }
        do {
            self.minorUnits = try number.rounded(toScale: currency.minorDigits)
        } catch {
            throw .notANumber(error.description)
        }
        self.currency = currency
    }

    public var isZero: Bool { minorUnits == 0 }

    /// `self + other`; throws on overflow or mixed currencies.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard other.currency == currency else { throw .currencyMismatch(currency, other.currency) }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Money(minorUnits: sum, currency: currency)
    }

    /// `self - other`; throws on overflow or mixed currencies.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        guard other.currency == currency else { throw .currencyMismatch(currency, other.currency) }
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Money(minorUnits: difference, currency: currency)
    }

    /// `self × factor`, rounded half-up to the minor unit.
    public func multiplied(by factor: DecimalNumber) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor.significand)
        if overflow { throw .overflow }
        let exact = try DecimalNumber.exact(product, scale: factor.scale)
        return Money(minorUnits: try exact.rounded(toScale: 0), currency: currency)
    }

    /// `self × basisPoints / 10 000`, rounded half-up (a percentage of this amount).
    public func percentage(_ rate: Percentage) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: Int64(rate.basisPoints))
        if overflow { throw .overflow }
        return Money(minorUnits: DecimalNumber.divideRoundingHalfUp(product, by: 10_000), currency: currency)
    }

    /// Sum of `amounts`, all in `currency`.
    public static func sum(_ amounts: [Money], currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts {
            total = try total.adding(amount)
        }
        return total
    }

    /// Ordering; amounts in different currencies are ordered by code first.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        (lhs.currency.code, lhs.minorUnits) < (rhs.currency.code, rhs.minorUnits)
    }

    /// Plain decimal text with a point, e.g. `1234.56` (no grouping, no symbol).
    public var decimalString: String {
        let number = (try? DecimalNumber(significand: minorUnits, scale: currency.minorDigits)) ?? DecimalNumber(minorUnits)
        let text = number.description
        if currency.minorDigits == 0 { return text }
        // Keep all minor digits: 12.5 -> 12.50.
        let fraction = text.split(separator: ".").dropFirst().first?.count ?? 0
        return (fraction == 0 ? text + "." : text) + String(repeating: "0", count: currency.minorDigits - fraction)
    }

    /// `1234.56 UAH`
    public var description: String { "\(decimalString) \(currency.code)" }
}

extension DecimalNumber {
    /// A decimal from a significand and scale already known to be in range.
    static func exact(_ significand: Int64, scale: Int) throws(MoneyError) -> DecimalNumber {
        do {
            return try DecimalNumber(significand: significand, scale: scale)
        } catch {
            throw .overflow
        }
    }
}

/// Why a money amount in text could not be read.
public enum MoneyParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case notANumber(String)
    case tooManyDecimals(allowed: Int)

    public var description: String {
        switch self {
        case .notANumber(let detail): detail
        case .tooManyDecimals(let allowed): "too many decimal places (at most \(allowed))"
        }
    }
}

/// A rate in basis points: 20 % = 2000, 7.5 % = 750.
public struct Percentage: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Hundredths of a percent.
    public let basisPoints: Int

    public init(basisPoints: Int) {
        self.basisPoints = basisPoints
    }

    /// A percentage from its decimal value (7.5 → 750); nil when finer than 0.01 % or
    /// outside 0...100 %.
    public init?(percent: DecimalNumber) {
        guard let points = try? percent.rounded(toScale: 2), percent.scale <= 2,
            (0...10_000).contains(points)
        else { return nil }
        self.basisPoints = Int(points)
    }

    /// `20`, `7.5`, `0`
    public var description: String {
        (try? DecimalNumber(parsing: "\(basisPoints)e-2").description) ?? "\(basisPoints)"
    }

    public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.basisPoints < rhs.basisPoints }
}

/// An ISO 4217 currency with the facts documents need.
public struct Currency: Sendable, Hashable, CustomStringConvertible {
    /// Three-letter ISO 4217 code, e.g. `UAH`.
    public let code: String
    /// Digits of the minor unit (2 for kopiyka/cent/grosz).
    public let minorDigits: Int
    // How an amount prints (symbol, its place) is the language's: `currency.<CODE>` and
    // `format.money` in Templates/locales/<tag>.json, used by the `money` formatter.

    public init(code: String, minorDigits: Int) {
        self.code = code
        self.minorDigits = minorDigits
    }

    public static let uah = Currency(code: "UAH", minorDigits: 2)
    public static let eur = Currency(code: "EUR", minorDigits: 2)
    public static let usd = Currency(code: "USD", minorDigits: 2)
    public static let pln = Currency(code: "PLN", minorDigits: 2)

    /// Every currency Talon knows.
    public static let known: [Currency] = [.uah, .eur, .usd, .pln]

    /// The currency with ISO code `code` (case-insensitive), if known.
    public static func withCode(_ code: String) -> Currency? {
        known.first { $0.code == code.uppercased() }
    }

    public var description: String { code }
}

/// Why a money operation failed.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The result does not fit in 64-bit minor units.
    case overflow
    /// Two amounts in different currencies were combined.
    case currencyMismatch(Currency, Currency)

    public var description: String {
        switch self {
        case .overflow: "amount too large (arithmetic overflow)"
        case .currencyMismatch(let a, let b): "mixed currencies: \(a.code) and \(b.code)"
        }
    }
}

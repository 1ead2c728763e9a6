/// Why a payment code (NBU or EPC) refused its data. `field` names the payment field
/// (`recipient`, `iban`, `amount`, …) so a caller can point at the input that holds it.
public enum PaymentCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One field's value breaks the format's rule for it.
    case field(String, reason: String)
    /// The whole content is longer than the format allows.
    case tooLong(bytes: Int, limit: Int, what: String)

    public var description: String {
        switch self {
        case let .field(name, reason): "\(name): \(reason)"
        case let .tooLong(bytes, limit, what): "\(what) is \(bytes) bytes; at most \(limit) fit"
        }
    }
}

/// An amount in minor units (kopecks, cents) for a payment code, printed as the codes want:
/// no decimals for a whole amount, else exactly two.
public struct PaymentAmount: Sendable, Equatable {
    public var minorUnits: Int64

    /// 999 999 999.99, the largest amount either code carries.
    public static let maximum: Int64 = 99_999_999_999

    public init(minorUnits: Int64) { self.minorUnits = minorUnits }

    /// `100`, `100.50`, `0.05`: never `100.5` nor `100.00`.
    public var text: String {
        let whole = minorUnits / 100, cents = minorUnits % 100
        guard cents != 0 else { return String(whole) }
        return "\(whole)." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Checks the amount is 0.01 ... 999 999 999.99.
    func validated(field: String) throws(PaymentCodeError) -> PaymentAmount {
        guard minorUnits >= 1, minorUnits <= Self.maximum else {
            throw .field(field, reason: "must be between 0.01 and 999999999.99")
        }
        return self
    }
}

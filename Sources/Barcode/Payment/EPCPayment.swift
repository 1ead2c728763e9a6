/// The European Payments Council's QR code for a SEPA credit transfer (EPC069-12, version
/// 002, "GiroCode"): plain text lines separated by LF, in UTF-8. Trailing empty lines are
/// left out.
///
/// Lines: `BCD`, `002`, `1` (UTF-8), `SCT`, BIC (may be empty), beneficiary name, IBAN,
/// `EUR` + amount, purpose code, structured reference (ISO 11649 `RF…`), unstructured
/// remittance text, note to the payer. A reference and a text never appear together.
public struct EPCPayment: Sendable, Equatable {
    /// Largest payload the guidelines allow.
    public static let byteLimit = 331
    /// Largest QR version the guidelines allow at error correction M.
    public static let maximumVersion = 13

    public var bic: String?
    /// The beneficiary, at most 70 characters.
    public var name: String
    /// At most 34 letters and digits.
    public var iban: String
    /// 0.01 ... 999 999 999.99 euro.
    public var amount: PaymentAmount
    /// Four letters (ISO 20022 purpose), or empty.
    public var purpose = ""
    /// ISO 11649 creditor reference, at most 35 characters; excludes `text`.
    public var reference = ""
    /// Remittance text, at most 140 characters; excludes `reference`.
    public var text = ""
    /// Shown to the payer, at most 70 characters.
    public var note = ""

    public init(bic: String? = nil, name: String, iban: String, amount: PaymentAmount) {
        self.bic = bic
        self.name = name
        self.iban = iban
        self.amount = amount
    }

    /// The lines after each field's rule is checked, trailing empty ones dropped.
    public func lines() throws(PaymentCodeError) -> [String] {
        let account = iban.filter { $0 != " " }.uppercased()
        guard (5...34).contains(account.count), account.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .field("iban", reason: "must be an IBAN of at most 34 letters and digits")
        }
        let bicText = (bic ?? "").filter { $0 != " " }.uppercased()
        guard bicText.isEmpty || [8, 11].contains(bicText.count),
            bicText.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .field("bic", reason: "must be 8 or 11 letters and digits")
        }
        try Self.check(name, field: "name", limit: 70, required: true)
        guard purpose.isEmpty || (purpose.count == 4 && purpose.allSatisfy { $0.isASCII && $0.isLetter }) else {
            throw .field("purpose", reason: "must be a 4-letter purpose code")
        }
        guard reference.isEmpty || text.isEmpty else {
            throw .field("reference", reason: "give either a reference or a remittance text, not both")
        }
        try Self.check(reference, field: "reference", limit: 35, required: false)
        try Self.check(text, field: "text", limit: 140, required: false)
        try Self.check(note, field: "note", limit: 70, required: false)
        var lines = ["BCD", "002", "1", "SCT", bicText, name, account,
                     "EUR" + (try amount.validated(field: "amount")).euroText, purpose, reference, text, note]
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The UTF-8 text the QR code holds, at most 331 bytes.
    public func payload() throws(PaymentCodeError) -> String {
        let text = try lines().joined(separator: "\n")
        guard text.utf8.count <= Self.byteLimit else {
            throw .tooLong(bytes: text.utf8.count, limit: Self.byteLimit, what: "the EPC payment data")
        }
        return text
    }

    /// The QR code: error correction M, version 13 at most.
    public func symbol() throws(PaymentCodeError) -> MatrixSymbol {
        let text = try payload()
        do {
            return try QRCode.encode(text, errorCorrection: .medium, versions: 1...Self.maximumVersion)
        } catch {
            throw .tooLong(bytes: text.utf8.count, limit: Self.byteLimit, what: "the EPC payment data (\(error))")
        }
    }

    static func check(_ value: String, field: String, limit: Int, required: Bool) throws(PaymentCodeError) {
        if required && value.allSatisfy(\.isWhitespace) { throw .field(field, reason: "required") }
        guard value.count <= limit else { throw .field(field, reason: "\(value.count) characters; at most \(limit)") }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .field(field, reason: "must not hold line breaks or control characters")
        }
    }
}

extension PaymentAmount {
    /// EPC amounts drop trailing zeros of the cents: `12.3`, `12.34`, `12`.
    var euroText: String {
        var text = self.text
        if text.contains(".") && text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

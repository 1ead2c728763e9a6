extension NBUPayment {
    /// The 17 fields as text, in order, after every field's rule is checked.
    public func fields() throws(PaymentCodeError) -> [String] {
        try Self.text(recipient, field: "recipient", limit: 140)
        let account = iban.filter { $0 != " " }.uppercased()
        guard account.utf8.count == 29, account.hasPrefix("UA"), account.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { throw .field("iban", reason: "must be a Ukrainian IBAN of 29 characters (UA and 27 digits)") }
        let amountText = try amount.map { amount throws(PaymentCodeError) in
            "UAH" + (try amount.validated(field: "amount")).text
        } ?? ""
        try Self.text(recipientCode, field: "recipient_code", limit: 10)
        guard Self.isCategory(category) else {
            throw .field("category", reason: "must be two ISO 20022 codes CCCC/PPPP, such as OTHR/OTHR")
        }
        guard reference.count <= 35, reference.unicodeScalars.allSatisfy({ (0x20..<0x7F).contains($0.value) }) else {
            throw .field("reference", reason: "at most 35 ASCII characters")
        }
        try Self.text(purpose, field: "purpose", limit: 420)
        try Self.text(display, field: "display", limit: 140, required: false)
        guard lockMask & Self.alwaysLocked == Self.alwaysLocked else {
            throw .field("lock_mask", reason: "fields 1-5, 11, 14 and 15 must stay locked")
        }
        let hex = String(lockMask, radix: 16, uppercase: true)
        return ["BCD", "003", encoding.rawValue, function.rawValue, "", recipient, account, amountText, recipientCode,
                category, reference, purpose, display, hex,
                try validUntil?.text(field: "valid_until") ?? "", try createdAt?.text(field: "created_at") ?? "", ""]
    }

    /// The bytes the link encodes: the fields joined by LF in the chosen encoding.
    public func payload() throws(PaymentCodeError) -> [UInt8] {
        let joined = try fields().joined(separator: "\n")
        switch encoding {
        case .utf8:
            return Array(joined.utf8)
        case .cp1251:
            // Every character was checked against the code page in `text(_:field:limit:)`.
            guard let bytes = CP1251.encode(joined) else {
                throw .field("recipient", reason: "has a character Windows-1251 cannot write")
            }
            return bytes
        }
    }

    /// The link to put in the QR code: the prefix and the Base64URL of the payload.
    public func link() throws(PaymentCodeError) -> String {
        let encoded = Base64URL.encode(try payload())
        guard encoded.utf8.count <= Self.encodedLimit else {
            throw .tooLong(bytes: encoded.utf8.count, limit: Self.encodedLimit, what: "the encoded NBU payment data")
        }
        return Self.linkPrefix + encoded
    }

    /// The QR code of the link: error correction M, the smallest version of 10...17 that
    /// holds it (the hryvnia sign covers the middle, so the rules forbid level L).
    public func symbol() throws(PaymentCodeError) -> MatrixSymbol {
        let link = try link()
        do {
            return try QRCode.encode(link, errorCorrection: .medium, versions: Self.versions)
        } catch {
            // Unreachable for links within the encoded limit (498 bytes fit version 17-M).
            throw .tooLong(bytes: link.utf8.count, limit: Self.linkPrefix.utf8.count + Self.encodedLimit,
                           what: "the NBU payment link (\(error))")
        }
    }

    /// Checks a text field: present when required, at most `limit` characters, each one a
    /// character the rules allow (codes 32-255 of Windows-1251 but 127, 152 and 160, or the
    /// same characters in UTF-8): no line breaks, no characters outside Windows-1251.
    static func text(_ value: String, field: String, limit: Int, required: Bool = true) throws(PaymentCodeError) {
        if required && value.allSatisfy(\.isWhitespace) { throw .field(field, reason: "required") }
        guard value.count <= limit else { throw .field(field, reason: "\(value.count) characters; at most \(limit)") }
        for scalar in value.unicodeScalars {
            guard let byte = CP1251.byte(for: scalar), byte >= 0x20, byte != 0x7F, byte != 0x98, byte != 0xA0 else {
                throw .field(field, reason: "the character \(BarcodeError.describe(Character(scalar))) is not allowed in an NBU payment code")
            }
        }
    }

    static func isCategory(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            part.count == 4 && part.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
        }
    }
}

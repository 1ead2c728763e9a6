/// The National Bank of Ukraine's payment QR code, format 003 (NBU resolution No. 97 of
/// 19.08.2025, annex 4): a link `https://qr.bank.gov.ua/` followed by the Base64URL of 17
/// fields separated by LF. Banking apps open the link and fill in a credit transfer.
///
/// The fields, in order: `BCD`, `003`, encoding (`1` UTF-8, `2` Windows-1251), function,
/// a reserved empty field, recipient, IBAN, `UAH` + amount, recipient code, category/purpose,
/// reference, purpose, display text, lock mask, valid-until, created-at, and the reserved
/// (empty) signature.
public struct NBUPayment: Sendable, Equatable {
    /// How the Cyrillic fields are written.
    public enum TextEncoding: String, Sendable, CaseIterable {
        case utf8 = "1", cp1251 = "2"
    }

    /// The kind of transfer: credit transfer, instant credit transfer, either.
    public enum Function: String, Sendable, CaseIterable {
        case credit = "UCT", instant = "ICT", either = "XCT"
    }

    /// A local (Kyiv) time printed as `YYMMDDhhmmss`.
    public struct Timestamp: Sendable, Equatable {
        public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
            (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
        }

        func text(field: String) throws(PaymentCodeError) -> String {
            guard (2000...2099).contains(year), (1...12).contains(month), (1...31).contains(day),
                (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
                throw .field(field, reason: "not a time in 2000-2099")
            }
            return [year % 100, month, day, hour, minute, second]
                .map { $0 < 10 ? "0\($0)" : String($0) }.joined()
        }
    }

    /// The link every format-003 code starts with.
    public static let linkPrefix = "https://qr.bank.gov.ua/"
    /// Largest Base64URL part of the link (annex 4, table 1).
    public static let encodedLimit = 475
    /// QR versions the rules allow for format 003 (annex 1 item 5; annex 4 item 9).
    public static let versions = 10...17

    public var encoding: TextEncoding = .utf8
    public var function: Function = .credit
    /// Full name of a person or the name of a company, at most 140 characters.
    public var recipient: String
    /// A Ukrainian IBAN (29 characters).
    public var iban: String
    /// In hryvnias; nil lets the payer type it.
    public var amount: PaymentAmount?
    /// ЄДРПОУ or РНОКПП, at most 10 characters.
    public var recipientCode: String
    /// ISO 20022 category and purpose codes `CCCC/PPPP`; banking apps reject an empty one.
    public var category = "OTHR/OTHR"
    /// The recipient's identifier of the bill, at most 35 ASCII characters.
    public var reference = ""
    /// What the payment is for, at most 420 characters.
    public var purpose: String
    /// Text shown to the payer, at most 140 characters.
    public var display = ""
    /// Bit n (counted from the least significant, 0) set forbids the payer to change field n:
    /// `FEFF` leaves only the amount (field 8) open. Fields 1-5, 11, 14 and 15 must always be
    /// locked; the default locks every field, the amount included.
    public var lockMask: UInt16 = 0xFFFF
    public var validUntil: Timestamp?
    public var createdAt: Timestamp?

    public init(recipient: String, iban: String, amount: PaymentAmount?, recipientCode: String, purpose: String) {
        self.recipient = recipient
        self.iban = iban
        self.amount = amount
        self.recipientCode = recipientCode
        self.purpose = purpose
    }

    /// Lock mask bits that must always be set: fields 1-5, 11, 14 and 15 (fields 16 and 17
    /// fall outside four hex digits).
    static let alwaysLocked: UInt16 = 0b1100_1000_0011_1110
}

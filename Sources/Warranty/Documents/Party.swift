/// A person or company on a document: seller, buyer, customer, service centre.
/// Every field is optional here; each document says which it requires.
public struct Party: Sendable, Hashable {
    /// Full name of a person.
    public var name: String?
    public var company: String?
    public var address: String?
    public var country: String?
    public var phone: String?
    public var email: String?
    public var website: String?
    /// Ukrainian tax code: ЄДРПОУ (8 digits, a company) or РНОКПП (10 digits, a person or ФОП).
    public var taxCode: String?
    /// VAT number: the Ukrainian ІПН (12 digits) or an EU VAT ID (`PL5260001246`).
    public var vatID: String?
    /// The payee's bank details and VAT status (the service centre only).
    public var payee: Payee?

    public init(
        name: String? = nil, company: String? = nil, address: String? = nil, country: String? = nil,
        phone: String? = nil, email: String? = nil, website: String? = nil, taxCode: String? = nil,
        vatID: String? = nil, payee: Payee? = nil
    ) {
        self.name = name
        self.company = company
        self.address = address
        self.country = country
        self.phone = phone
        self.email = email
        self.website = website
        self.taxCode = taxCode
        self.vatID = vatID
        self.payee = payee
    }

    /// JSON keys of a party object.
    static let keys = ["name", "company", "address", "country", "phone", "email", "website", "tax_code", "vat_id"]

    /// Reads a party object; `requiring` lists keys that must be present. A `payee` (the
    /// service centre) may also give `vat_payer`, `iban`, `bic` and `bank`.
    static func read(_ cursor: JSONCursor, required: Bool, requiring: Set<String> = [], payee: Bool = false) -> Party? {
        guard let object = cursor.object(required: required, keys: payee ? keys + Payee.keys : keys) else { return nil }
        return Party(
            name: object["name"].string(required: requiring.contains("name"), maxLength: 200),
            company: object["company"].string(required: requiring.contains("company"), maxLength: 200),
            address: object["address"].string(required: requiring.contains("address"), maxLength: 500),
            country: object["country"].string(required: requiring.contains("country"), maxLength: 100),
            phone: object["phone"].phone(required: requiring.contains("phone")),
            email: object["email"].email(required: requiring.contains("email")),
            website: object["website"].string(required: requiring.contains("website"), maxLength: 200),
            taxCode: readTaxCode(object["tax_code"]),
            vatID: readCode(object["vat_id"], length: 4...20, what: "a VAT number of 4-20 letters and digits"),
            payee: payee ? Payee.read(object) : nil)
    }

    static func readTaxCode(_ cursor: JSONCursor) -> String? {
        guard let text = cursor.string(required: false, maxLength: 20) else { return nil }
        guard text.count == 8 || text.count == 10, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            cursor.report("must be 8 digits (ЄДРПОУ) or 10 digits (РНОКПП)")
            return nil
        }
        return text
    }

    /// Letters and digits (spaces ignored), upper-cased.
    static func readCode(_ cursor: JSONCursor, length: ClosedRange<Int>, what: String) -> String? {
        guard let text = cursor.string(required: false, maxLength: 60) else { return nil }
        let code = text.filter { $0 != " " }.uppercased()
        guard length.contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            cursor.report("must be \(what)")
            return nil
        }
        return code
    }
}

/// How a service centre is paid, and whether it charges VAT.
public struct Payee: Sendable, Hashable {
    /// true: a VAT payer ("платник ПДВ"); false: not one (a ФОП on the single tax), so its
    /// invoices have no VAT at all; nil: not stated.
    public var vatPayer: Bool?
    /// IBAN without spaces, upper case; its country length and check digits are checked.
    public var iban: String?
    public var bic: String?
    public var bank: String?

    public init(vatPayer: Bool? = nil, iban: String? = nil, bic: String? = nil, bank: String? = nil) {
        self.vatPayer = vatPayer
        self.iban = iban
        self.bic = bic
        self.bank = bank
    }

    static let keys = ["vat_payer", "iban", "bic", "bank"]

    static func read(_ object: JSONCursor) -> Payee? {
        let vatPayer: Bool? = object["vat_payer"].isMissing ? nil : object["vat_payer"].bool(default: true)
        let payee = Payee(
            vatPayer: vatPayer,
            iban: IBAN.read(object["iban"])?.compact,
            bic: Party.readCode(object["bic"], length: 8...11, what: "a BIC of 8 or 11 letters and digits"),
            bank: object["bank"].string(required: false, maxLength: 200))
        return payee == Payee() ? nil : payee
    }
}

/// The product a document is about.
public struct Product: Sendable, Hashable {
    /// Model designation, e.g. `IPC-T54-Z`.
    public var model: String
    /// Serial number as printed on the device label.
    public var serial: String
    /// Optional descriptive name, e.g. "4 MP turret camera".
    public var name: String?
    /// Months of warranty for this product (default 36).
    public var warrantyMonths: Int

    public init(model: String, serial: String, name: String? = nil, warrantyMonths: Int = WarrantyPolicy.defaultMonths) {
        self.model = model
        self.serial = serial
        self.name = name
        self.warrantyMonths = warrantyMonths
    }

    static let keys = ["model", "serial", "name", "warranty_months"]
    /// The longest serial number: its Code 128 barcode must fit the warranty card's width.
    public static let maximumSerialLength = 32

    /// Reads `{"model", "serial", "name"?, "warranty_months"?}`; model and serial required.
    static func read(_ cursor: JSONCursor) -> Product? {
        guard let object = cursor.object(required: true, keys: keys) else { return nil }
        let model = object["model"].string(required: true, maxLength: 100)
        let serial = object["serial"].barcodeText(required: true, maxLength: Product.maximumSerialLength)
        let name = object["name"].string(required: false, maxLength: 200)
        let months = object["warranty_months"].integer(required: false, in: WarrantyPolicy.monthsRange)
        guard let model, let serial else { return nil }
        return Product(model: model, serial: serial, name: name, warrantyMonths: months ?? WarrantyPolicy.defaultMonths)
    }
}

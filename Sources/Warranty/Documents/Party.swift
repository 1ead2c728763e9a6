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

    public init(
        name: String? = nil, company: String? = nil, address: String? = nil, country: String? = nil,
        phone: String? = nil, email: String? = nil, website: String? = nil
    ) {
        self.name = name
        self.company = company
        self.address = address
        self.country = country
        self.phone = phone
        self.email = email
        self.website = website
    }

    /// JSON keys of a party object.
    static let keys = ["name", "company", "address", "country", "phone", "email", "website"]

    /// Reads a party object; `requiring` lists keys that must be present.
    static func read(_ cursor: JSONCursor, required: Bool, requiring: Set<String> = []) -> Party? {
        guard let object = cursor.object(required: required, keys: keys) else { return nil }
        return Party(
            name: object["name"].string(required: requiring.contains("name"), maxLength: 200),
            company: object["company"].string(required: requiring.contains("company"), maxLength: 200),
            address: object["address"].string(required: requiring.contains("address"), maxLength: 500),
            country: object["country"].string(required: requiring.contains("country"), maxLength: 100),
            phone: object["phone"].phone(required: requiring.contains("phone")),
            email: object["email"].email(required: requiring.contains("email")),
            website: object["website"].string(required: requiring.contains("website"), maxLength: 200))
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

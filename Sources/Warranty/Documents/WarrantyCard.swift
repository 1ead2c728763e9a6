import Foundation
import TalonPrimitives

/// The warranty card a seller prints at the moment of sale.
///
/// Input (`talon schema warranty-card`):
/// ```json
/// {"locale": "uk", "document_date": "2024-02-29", "card": {"number": "WC-2024-000123", "coupons": 3},
///  "seller": {"company": "…", "address": "…", "phone": "…"},
///  "product": {"model": "…", "serial": "…", "warranty_months": 36},
///  "sale": {"date": "2024-02-29", "receipt": "…"},
///  "buyer": {"name": "…", "phone": "…"}}
/// ```
/// Required: `card.number`, `seller.company`, `product.model`, `product.serial`,
/// `sale.date`. `buyer` may be left out entirely (the card is then filled in by hand);
/// when present, `buyer.name` is required.
public struct WarrantyCard: Sendable, Hashable {
    public var locale: DocumentLocale
    /// The date printed on the card: `document_date` from the input, else the sale date.
    public var documentDate: CalendarDate
    /// The card number, e.g. `WC-2024-000123`.
    public var number: String
    /// Tear-off repair coupons printed on the card (default 3, 0...6).
    public var coupons: Int
    public var seller: Party
    public var product: Product
    public var saleDate: CalendarDate
    /// Receipt or invoice number of the sale.
    public var receipt: String?
    public var buyer: Party?
    /// The terms printed on the card (months from the product).
    public var policy: WarrantyPolicy
    /// The last day of coverage (sale date + months, no repairs yet).
    public var validUntil: CalendarDate

    public init(
        locale: DocumentLocale, number: String, coupons: Int = 3, seller: Party, product: Product,
        saleDate: CalendarDate, receipt: String? = nil, buyer: Party? = nil, documentDate: CalendarDate? = nil
    ) {
        self.locale = locale
        self.documentDate = documentDate ?? saleDate
        self.number = number
        self.coupons = coupons
        self.seller = seller
        self.product = product
        self.saleDate = saleDate
        self.receipt = receipt
        self.buyer = buyer
        self.policy = WarrantyPolicy(months: product.warrantyMonths)
        self.validUntil = policy.baseEnd(saleDate: saleDate)
    }
}

extension WarrantyCard {
    /// Decodes and validates warranty-card JSON, reporting every problem at once.
    public static func decode(json data: Data) throws(ValidationError) -> WarrantyCard {
        try decode(JSONValue.parse(data))
    }

    /// Decodes and validates a parsed warranty-card document.
    public static func decode(_ root: JSONValue) throws(ValidationError) -> WarrantyCard {
        let log = ProblemLog()
        let card = read(JSONCursor(root: root, log: log))
        try log.finish()
        guard let card else { throw ValidationError(problems: [ValidationProblem(path: "$", reason: "invalid")]) }
        return card
    }

    static let keys = ["locale", "document_date", "card", "seller", "product", "sale", "buyer"]

    static func read(_ root: JSONCursor) -> WarrantyCard? {
        guard let object = root.object(required: true, keys: keys) else { return nil }
        let locale = DocumentLocale.read(object["locale"])
        let documentDate = object["document_date"].date(required: false)
        let card = object["card"].object(required: true, keys: ["number", "coupons"])
        let number = card?["number"].string(required: true, maxLength: 60)
        let coupons = card?["coupons"].integer(required: false, in: 0...6) ?? 3
        let seller = Party.read(object["seller"], required: true, requiring: ["company"])
        let product = Product.read(object["product"])
        let sale = object["sale"].object(required: true, keys: ["date", "receipt"])
        let saleDate = sale?["date"].date(required: true)
        let receipt = sale?["receipt"].string(required: false, maxLength: 60)
        let buyer = Party.read(object["buyer"], required: false, requiring: ["name"])
        guard let number, let seller, let product, let saleDate else { return nil }
        return WarrantyCard(
            locale: locale, number: number, coupons: coupons, seller: seller, product: product,
            saleDate: saleDate, receipt: receipt, buyer: buyer, documentDate: documentDate)
    }
}

extension DocumentLocale {
    /// Reads optional `"locale": "uk"` (default `en`): a language tag. Whether the templates
    /// have the language is checked where they are known (the renderer, against its catalogues).
    static func read(_ cursor: JSONCursor) -> DocumentLocale {
        guard let text = cursor.string(required: false, maxLength: 20) else { return .en }
        guard let locale = DocumentLocale(rawValue: text) else {
            cursor.report("not a language tag (lowercase letters, like \"en\" or \"uk\")")
            return .en
        }
        return locale
    }
}

import TalonPrimitives

extension DocumentKind {
    /// The schema as a JSON value.
    public var schema: JSONValue {
        typealias S = SchemaBuilder
        switch self {
        case .warrantyCard:
            return S.document(self, title: "Talon warranty card", body: S.object([
                ("locale", S.locale),
                ("document_date", S.string("Date printed on the card (default: the sale date)",
                                           pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", format: "date")),
                ("card", S.object([
                    ("number", S.string("Warranty card number", maxLength: 60)),
                    ("coupons", S.integer(0...6, description: "Tear-off repair coupons (default 3)")),
                ], required: ["number"])),
                ("seller", S.party(required: ["company"], description: "The seller issuing the card")),
                ("product", S.product),
                ("sale", S.object([
                    ("date", S.date),
                    ("receipt", S.string("Receipt or invoice number of the sale", maxLength: 60)),
                ], required: ["date"])),
                ("buyer", S.party(required: ["name"], description: "Optional; left out when filled in by hand")),
            ], required: ["card", "seller", "product", "sale"]))
        default:
            return claimSchema
        }
    }
}

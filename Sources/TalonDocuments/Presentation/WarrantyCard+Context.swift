import Mustache
import Warranty

extension WarrantyCard {
    /// The card as template data (see Templates/README.md for the field list).
    func templateContext(locale: DocumentLocale, options: PresentationOptions) -> TemplateValue {
        let voiding = policy.exclusions.filter { $0.group == .voidsWarranty }
        let alsoNotCovered = policy.exclusions.filter { $0.group == .alsoNotCovered }
        return .map([
            "locale": .string(locale.rawValue),
            "card": .map(["number": .string(number), "coupons": .integer(coupons)]),
            "seller": TemplateContext.party(seller),
            "product": TemplateContext.product(product),
            "sale": .map(["date": TemplateContext.date(saleDate), "receipt": TemplateContext.text(receipt)]),
            "buyer": TemplateContext.party(buyer),
            "warranty": .map([
                "months": .integer(policy.months),
                "valid_until": TemplateContext.date(validUntil),
            ]),
            "policy": .map([
                "exclusions": TemplateContext.clauses(voiding, options: options),
                "also_not_covered": TemplateContext.clauses(alsoNotCovered, options: options),
            ]),
            "coupons": .list((0..<coupons).map { .map(["number": .integer($0 + 1)]) }),
        ])
    }
}

import Mustache
import TalonPrimitives
import Warranty

/// Building blocks for presenting domain values as template data: dates as ISO strings
/// (the `date` formatter prints them per locale), absent values as null so sections skip them.
enum TemplateContext {
    static func date(_ date: CalendarDate?) -> TemplateValue {
        date.map { .string($0.isoString) } ?? .null
    }

    static func text(_ text: String?) -> TemplateValue {
        guard let text, !text.isEmpty else { return .null }
        return .string(text)
    }

    /// A party; `company_code` says the tax code is an ЄДРПОУ (8 digits) rather than a
    /// РНОКПП (10 digits). A payee's VAT status is `vat_payer` / `not_vat_payer` (both false when not
    /// stated) and its IBAN is printed in groups of four; `payee` says it gave payment details.
    static func party(_ party: Party?) -> TemplateValue {
        guard let party else { return .null }
        let payee = party.payee
        return .map([
            "name": text(party.name), "company": text(party.company), "address": text(party.address),
            "country": text(party.country), "phone": text(party.phone), "email": text(party.email),
            "website": text(party.website), "tax_code": text(party.taxCode), "vat_id": text(party.vatID),
            "company_code": .bool(party.taxCode?.count == 8),
            "vat_payer": .bool(payee?.vatPayer == true), "not_vat_payer": .bool(payee?.vatPayer == false),
            "iban": text(payee?.iban.map(grouped)), "bic": text(payee?.bic), "bank": text(payee?.bank),
            "payee": .bool(payee != nil),
        ])
    }

    /// `UA213223130000026007233566001` → `UA21 3223 1300 0002 6007 2335 6600 1`.
    static func grouped(_ code: String) -> String {
        var output = ""
        for (index, character) in code.enumerated() {
            if index > 0 && index % 4 == 0 { output += " " }
            output.append(character)
        }
        return output
    }

    static func product(_ product: Product) -> TemplateValue {
        .map([
            "model": .string(product.model), "serial": .string(product.serial), "name": text(product.name),
            "warranty_months": .integer(product.warrantyMonths),
        ])
    }

    /// Clauses with their words from the catalogue (`clause.<number>`).
    static func clauses(_ clauses: [ExclusionClause], options: PresentationOptions) -> TemplateValue {
        .list(clauses.map { clause in
            .map(["number": .integer(clause.number), "text": .string(options.words(clause.textKey)),
                  "group": .string(clause.group.rawValue)])
        })
    }
}

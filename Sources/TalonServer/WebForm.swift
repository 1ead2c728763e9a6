import Foundation
import Mustache
import Warranty

/// A form whose fields are tied to the JSON paths their document's schema validates, so
/// the server's messages are exactly the command line's problems: the public RMA form and
/// the counter's warranty card form.
struct WebForm {
    struct Field {
        var id: String
        var path: String
        var type = "text"
        var required = false
        var max = 200
        var autocomplete: String?
        var hasHint = false
        /// The strings key of its label, when it is not the id.
        var label: String?
        var textarea: Bool { type == "textarea" }
        var labelKey: String { label ?? id }
    }

    /// The brand's RMA form.
    static let rma: [Field] = [
        Field(id: "received", path: "$.claim.received", type: "date", required: true, max: 10, hasHint: true),
        Field(id: "model", path: "$.claim.product.model", required: true, max: 100),
        Field(id: "serial", path: "$.claim.product.serial", required: true, max: 100),
        Field(id: "equipment_set", path: "$.claim.equipment_set", type: "textarea", required: true, max: 2000, hasHint: true),
        Field(id: "failure", path: "$.claim.failure", type: "textarea", required: true, max: 4000),
        Field(id: "sale_date", path: "$.claim.sale.date", type: "date", max: 10),
        Field(id: "card_number", path: "$.claim.sale.card_number", max: 60),
        Field(id: "name", path: "$.claim.customer.name", required: true, autocomplete: "name"),
        Field(id: "company", path: "$.claim.customer.company", autocomplete: "organization"),
        Field(id: "country", path: "$.claim.customer.country", max: 100, autocomplete: "country-name"),
        Field(id: "email", path: "$.claim.customer.email", type: "email", max: 254, autocomplete: "email"),
        Field(id: "phone", path: "$.claim.customer.phone", type: "tel", max: 40, autocomplete: "tel"),
    ]

    /// The counter's warranty card (the seller comes from `Templates/web/seller.json`).
    static let card: [Field] = [
        Field(id: "model", path: "$.product.model", required: true, max: 100),
        Field(id: "serial", path: "$.product.serial", required: true, max: 100),
        Field(id: "product_name", path: "$.product.name"),
        Field(id: "sale_date", path: "$.sale.date", type: "date", required: true, max: 10),
        Field(id: "receipt", path: "$.sale.receipt", max: 60),
        Field(id: "name", path: "$.buyer.name", autocomplete: "off", label: "buyer_name"),
        Field(id: "phone", path: "$.buyer.phone", type: "tel", max: 40, autocomplete: "off"),
        Field(id: "email", path: "$.buyer.email", type: "email", max: 254, autocomplete: "off"),
    ]

    /// Files accepted with one form.
    static let maxFiles = 5
    static let maxFileBytes = 10 << 20

    let fields: [Field]
    /// The submitted values by field id (trimmed; blank ones left out).
    var values: [String: String]

    init(_ fields: [Field], _ request: HTTPRequest) {
        self.fields = fields
        var values: [String: String] = [:]
        for field in fields { values[field.id] = request.formValue(field.id) }
        self.values = values
    }

    /// The values placed at their paths in `document` (objects made as needed).
    func json(_ document: [String: Any]) -> Data {
        var document = document
        for field in fields {
            guard let value = values[field.id] else { continue }
            let keys = field.path.split(separator: ".").dropFirst().map(String.init)
            document = Self.setting(value, at: keys[...], in: document)
        }
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
    }

    /// Each problem placed beside its field (the first per field), the others apart.
    func place(_ problems: [ValidationProblem], pages: WebPages, locale: DocumentLocale)
        -> (errors: [String: String], unplaced: [String]) {
        var errors: [String: String] = [:]
        var unplaced: [String] = []
        for problem in problems {
            if let field = fields.first(where: { $0.path == problem.path }) {
                errors[field.id] = errors[field.id] ?? Self.message(for: problem, field: field, pages: pages, locale: locale)
            } else {
                unplaced.append(problem.description)
            }
        }
        return (errors, unplaced)
    }

    private static func setting(_ value: String, at keys: ArraySlice<String>, in object: [String: Any]) -> [String: Any] {
        guard let key = keys.first else { return object }
        var object = object
        if keys.count == 1 {
            object[key] = value
        } else {
            object[key] = setting(value, at: keys.dropFirst(), in: object[key] as? [String: Any] ?? [:])
        }
        return object
    }

    /// The message shown beside a field for a validation problem, in the page's language.
    static func message(for problem: ValidationProblem, field: Field, pages: WebPages, locale: DocumentLocale) -> String {
        let key: String
        if problem.reason == ValidationReason.required {
            key = "required_\(field.id)"
        } else if field.type == "date" {
            key = "invalid_date"
        } else if problem.reason == ValidationReason.notAnEmail {
            key = "invalid_email"
        } else if field.id == "phone" {
            key = "invalid_phone"
        } else if problem.reason.contains("long") || problem.reason.contains("at most") {
            key = "too_long"
        } else {
            return "\(pages.text("invalid", locale)) (\(problem.reason))"
        }
        return pages.text(key, locale)
    }

    /// The page data: every field with its label, value and message.
    func pageData(errors: [String: String], pages: WebPages, locale: DocumentLocale) -> [TemplateValue] {
        fields.map { field in
            var item: [String: TemplateValue] = [
                "id": .string(field.id), "label": .string(pages.text(field.labelKey, locale)),
                "type": .string(field.type), "required": .bool(field.required), "max": .integer(field.max),
                "textarea": .bool(field.textarea), "value": .string(values[field.id] ?? ""),
            ]
            if field.hasHint { item["hint"] = .string(pages.text("\(field.id)_hint", locale)) }
            if let autocomplete = field.autocomplete { item["autocomplete"] = .string(autocomplete) }
            if let error = errors[field.id] { item["error"] = .string(error) }
            return .map(item)
        }
    }
}

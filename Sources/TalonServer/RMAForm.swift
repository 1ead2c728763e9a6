import Foundation
import Mustache
import Warranty

/// The public RMA form: the brand's fields, each tied to the JSON path the `rma` schema
/// validates, so the server's messages are exactly the command line's problems.
struct RMAForm {
    struct Field {
        var id: String
        var path: String
        var type = "text"
        var required = false
        var max = 200
        var autocomplete: String?
        var hasHint = false
        var textarea: Bool { type == "textarea" }
    }

    static let fields: [Field] = [
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

    /// Files accepted with one form.
    static let maxFiles = 5
    static let maxFileBytes = 10 << 20

    /// The submitted values by field id (trimmed; blank ones left out).
    var values: [String: String]

    init(_ request: HTTPRequest) {
        var values: [String: String] = [:]
        for field in Self.fields { values[field.id] = request.formValue(field.id) }
        self.values = values
    }

    /// The claim as the `rma` document's JSON (the journal sets its RMA number); the
    /// attachments by name and stored path.
    func json(locale: DocumentLocale, serviceCenter: Any, attachments: [(name: String, path: String)]) -> Data {
        var claim: [String: Any] = ["rma": "RMA-0000-00000", "customer": [String: Any](), "product": [String: Any]()]
        for field in Self.fields {
            guard let value = values[field.id] else { continue }
            let keys = field.path.split(separator: ".").dropFirst(2).map(String.init)
            claim = Self.setting(value, at: keys[...], in: claim)
        }
        if !attachments.isEmpty { claim["attachments"] = attachments.map { ["name": $0.name, "path": $0.path] } }
        let document: [String: Any] = ["locale": locale.rawValue, "service_center": serviceCenter, "claim": claim]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
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
        Self.fields.map { field in
            var item: [String: TemplateValue] = [
                "id": .string(field.id), "label": .string(pages.text(field.id, locale)),
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

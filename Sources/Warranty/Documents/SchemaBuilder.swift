import TalonPrimitives

/// Small constructors for JSON Schema (draft 2020-12) values, so each document's schema
/// reads like the input it describes.
enum SchemaBuilder {
    static func object(
        _ properties: [(String, JSONValue)], required: [String] = [], description: String? = nil
    ) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("type", .string("object"))]
        if let description { pairs.append(("description", .string(description))) }
        pairs.append(("properties", .object(properties.map { (key: $0.0, value: $0.1) })))
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSONValue.string)))) }
        pairs.append(("additionalProperties", .bool(false)))
        return .object(pairs)
    }

    static func string(_ description: String? = nil, maxLength: Int? = nil, pattern: String? = nil, format: String? = nil) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("type", .string("string")), ("minLength", .number("1"))]
        if let maxLength { pairs.append(("maxLength", .number(String(maxLength)))) }
        if let pattern { pairs.append(("pattern", .string(pattern))) }
        if let format { pairs.append(("format", .string(format))) }
        if let description { pairs.append(("description", .string(description))) }
        return .object(pairs)
    }

    static func choice(_ values: [String], description: String? = nil) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("enum", .array(values.map(JSONValue.string)))]
        if let description { pairs.append(("description", .string(description))) }
        return .object(pairs)
    }

    static func integer(_ range: ClosedRange<Int>, description: String? = nil) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("type", .string("integer")),
            ("minimum", .number(String(range.lowerBound))),
            ("maximum", .number(String(range.upperBound))),
        ]
        if let description { pairs.append(("description", .string(description))) }
        return .object(pairs)
    }

    static func boolean(_ description: String? = nil) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("type", .string("boolean"))]
        if let description { pairs.append(("description", .string(description))) }
        return .object(pairs)
    }

    /// An exact decimal as a JSON number or a decimal string.
    static func decimal(_ description: String) -> JSONValue {
        .object([
            ("oneOf", .array([
                .object([("type", .string("number"))]),
                .object([("type", .string("string")), ("pattern", .string("^[+-]?[0-9]*\\.?[0-9]+$"))]),
            ])),
            ("description", .string(description)),
        ])
    }

    static func array(_ items: JSONValue, minItems: Int = 0, maxItems: Int? = nil, description: String? = nil) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("type", .string("array")), ("items", items)]
        if minItems > 0 { pairs.append(("minItems", .number(String(minItems)))) }
        if let maxItems { pairs.append(("maxItems", .number(String(maxItems)))) }
        if let description { pairs.append(("description", .string(description))) }
        return .object(pairs)
    }

    /// Text a Code 128 barcode can encode.
    static let printableASCII = "^[ -~]+$"

    static let date = string("Calendar date YYYY-MM-DD from 1990-01-01 to 2099-12-31",
                             pattern: "^(199[0-9]|20[0-9]{2})-[0-9]{2}-[0-9]{2}$", format: "date")
    static let email = string("E-mail address", maxLength: 254, format: "email")
    static let phone = string("Telephone number, 5-15 digits", maxLength: 40, pattern: "^\\+?[0-9 ()-]+$")
    /// A language is a catalogue (`Templates/locales/<tag>.json`), so the schema gives a
    /// tag's form; the renderer names the tags its templates have.
    static let locale = string("Document language: the tag of a catalogue in Templates/locales, like en, uk, pl (default en)",
                               maxLength: 20, pattern: "^[a-z]{2,8}(-[a-z]{2,8})?$")

    /// A party; a `payee` (the service centre) also has its VAT status and bank details.
    static func party(required: [String], description: String, payee: Bool = false) -> JSONValue {
        var properties: [(String, JSONValue)] = [
            ("name", string("Full name of a person", maxLength: 200)),
            ("company", string(maxLength: 200)),
            ("address", string(maxLength: 500)),
            ("country", string(maxLength: 100)),
            ("phone", phone),
            ("email", email),
            ("website", string(maxLength: 200)),
            ("tax_code", string("ЄДРПОУ (8 digits, a company) or РНОКПП (10 digits, a person or ФОП)",
                                pattern: "^([0-9]{8}|[0-9]{10})$")),
            ("vat_id", string("VAT number: ІПН (12 digits) or EU VAT ID such as PL5260001246", maxLength: 60,
                              pattern: "^[A-Za-z0-9 ]{4,}$")),
        ]
        if payee {
            properties += [
                ("vat_payer", boolean("true: a VAT payer; false: not one (a ФОП on the single tax): invoices print no VAT at all")),
                ("iban", string("IBAN, letters and digits (spaces allowed)", maxLength: 60, pattern: "^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{11,}$")),
                ("bic", string("BIC (SWIFT) code, 8 or 11 characters", maxLength: 11, pattern: "^[A-Za-z0-9]{8}([A-Za-z0-9]{3})?$")),
                ("bank", string("The bank holding the account", maxLength: 200)),
            ]
        }
        return object(properties, required: required, description: description)
    }

    static let product = object([
        ("model", string("Model designation", maxLength: 100)),
        ("serial", string("Serial number, printed as a Code 128 barcode", maxLength: Product.maximumSerialLength,
                          pattern: printableASCII)),
        ("name", string("Descriptive product name", maxLength: 200)),
        ("warranty_months", integer(WarrantyPolicy.monthsRange, description: "Months of warranty (default 36)")),
    ], required: ["model", "serial"])

    /// The schema document wrapper with `$schema`, `$id` and `title`.
    static func document(_ kind: DocumentKind, title: String, body: JSONValue) -> JSONValue {
        guard case .object(let pairs) = body else { return body }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://talon.invalid/schema/\(kind.rawValue).json")),
            ("title", .string(title)),
        ] + pairs)
    }
}

import TalonPrimitives

/// JSON Schemas of the service documents (they share the `claim` shape; each kind
/// requires the sections its stage needs).
extension DocumentKind {
    var claimSchema: JSONValue {
        typealias S = SchemaBuilder
        var claimRequired = ["rma", "received", "customer", "product", "equipment_set", "failure"]
        var title = ""
        switch self {
        case .warrantyCard: return .null
        case .rma: title = "Talon RMA intake form"
        case .diagnosis:
            title = "Talon diagnosis conclusion"
            claimRequired.append("diagnosis")
        case .invoice:
            title = "Talon repair invoice"
            claimRequired += ["diagnosis", "invoice"]
        case .repairRecord:
            title = "Talon repair record"
            claimRequired.append("return")
        case .notice: title = "Talon customer notice"
        }
        var properties: [(String, JSONValue)] = [
            ("locale", S.locale),
            ("document_date", S.string("Date printed on the document (default: the date of the stage it reports)",
                                       pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", format: "date")),
            ("calendar", S.string("Business calendar identifier (default ua: martial law, no public holidays)", maxLength: 40)),
            ("service_center", S.party(required: ["company"], description: "The service center issuing the document", payee: true)),
            ("claim", DocumentKind.claimObject(required: claimRequired)),
        ]
        var required = ["service_center", "claim"]
        if self == .notice {
            properties.append(("notice", S.object([
                ("event", S.choice(Notice.Event.allCases.map(\.rawValue))),
                ("channel", S.choice(Notice.Channel.allCases.map(\.rawValue), description: "Default: email when the customer has one, else sms")),
                ("to", S.string("E-mail address or telephone (default: the customer's)", maxLength: 254)),
            ], required: ["event"])))
            required.append("notice")
        }
        return S.document(self, title: title, body: S.object(properties, required: required))
    }

    static func claimObject(required: [String]) -> JSONValue {
        typealias S = SchemaBuilder
        return S.object([
            ("rma", S.string("RMA number, printed as a Code 128 barcode", maxLength: Claim.maximumRMALength,
                             pattern: SchemaBuilder.printableASCII)),
            ("received", S.date),
            ("customer", S.party(required: ["name"], description: "The customer handing in the device")),
            ("product", S.product),
            ("sale", S.object([
                ("date", S.date),
                ("card_number", S.string("Warranty card number", maxLength: 60)),
                ("seller", S.string(maxLength: 200)),
            ], description: "What is known about the sale; without a date the repair is not covered")),
            ("equipment_set", S.string("Description of the complete set of equipment handed in", maxLength: 2000)),
            ("failure", S.string("Failure description", maxLength: 4000)),
            ("attachments", S.array(S.object([
                ("name", S.string(maxLength: 200)),
                ("path", S.string("Relative to the data file's folder (or --attachments); no '..'", maxLength: 1000)),
            ], required: ["name"]), maxItems: Claim.maximumAttachments)),
            ("intake", S.object([
                ("seals", S.choice(Intake.Seals.allCases.map(\.rawValue), description: "The seals on intake")),
                ("damage", S.string("Visible damage on intake (\"none\" when there is none)", maxLength: 1000)),
                ("warranty_card_shown", S.boolean("The warranty card was shown")),
                ("receipt_shown", S.boolean("The receipt (proof of purchase) was shown")),
                ("return_method", S.choice(ReturnInfo.Method.allCases.map(\.rawValue), description: "How the device goes back")),
                ("return_address", S.string("Return address (required for courier or post)", maxLength: 500)),
                ("personal_data_consent", S.boolean("The customer consents to the processing of personal data")),
                ("received_by", S.string("The employee who received the device", maxLength: 200)),
            ], description: "The device's condition and the arrangements recorded on intake")),
            ("previous_repairs", S.array(S.object([
                ("rma", S.string(maxLength: 60)), ("received", S.date), ("returned", S.date),
            ], required: ["received", "returned"]), maxItems: Claim.maximumPreviousRepairs,
               description: "Earlier warranty repairs (they extend the warranty); must not overlap, each received while in warranty")),
            ("currency", S.choice(Currency.known.map(\.code), description: "Currency of estimates and the invoice (default UAH)")),
            ("diagnosis", S.object([
                ("date", S.date),
                ("technician", S.string(maxLength: 200)),
                ("findings", S.string(maxLength: 4000)),
                ("cause", S.string(maxLength: 4000)),
                ("clauses", S.array(S.integer(1...ExclusionClause.standard.count), maxItems: ExclusionClause.standard.count,
                                    description: "Cited exclusion clauses; any makes the repair not covered")),
                ("repair", S.object([
                    ("standard_components", S.boolean("true (default): repair due 14 business days after approval")),
                    ("due", S.date),
                ], description: "Repair estimate; non-standard components need the technician's due date")),
                ("estimated_cost", S.decimal("Estimated cost in major units, e.g. \"1250.00\"")),
            ], required: ["date", "findings"])),
            ("invoice", S.object([
                ("number", S.string("One line", maxLength: 60, pattern: "^[^\\n]*$")),
                ("date", S.date),
                ("currency", S.choice(Currency.known.map(\.code), description: "Must equal the claim currency")),
                ("vat_rate", S.decimal("Default VAT rate of lines in percent (default 0)")),
                ("lines", S.array(DocumentKind.invoiceLine, minItems: 1, maxItems: Invoice.maximumLines)),
                ("payment_due", S.date),
                ("supply_date", S.date),
                ("issued_by", S.string("Who issued the invoice (printed with a signature line)", maxLength: 200)),
                ("reverse_charge", S.boolean("EU reverse charge: the customer accounts for the VAT (every line at 0 %)")),
            ], required: ["number", "date", "lines"])),
            ("approval", S.object([
                ("decision", S.choice(Approval.Decision.allCases.map(\.rawValue))),
                ("date", S.date),
                ("by", S.string(maxLength: 200)),
            ], required: ["decision", "date"])),
            ("repair", S.object([
                ("work_done", S.string(maxLength: 4000)),
                ("parts_replaced", S.array(S.object([
                    ("name", S.string(maxLength: 300)),
                    ("part_number", S.string(maxLength: 100)),
                    ("quantity", S.integer(1...10_000)),
                ], required: ["name"]), maxItems: Invoice.maximumLines)),
                ("completed", S.date),
                ("technician", S.string(maxLength: 200)),
            ], required: ["work_done", "completed"])),
            ("return", S.object([
                ("date", S.date),
                ("method", S.choice(ReturnInfo.Method.allCases.map(\.rawValue))),
                ("tracking", S.string(maxLength: 100)),
            ], required: ["date", "method"])),
        ], required: required)
    }

    static var invoiceLine: JSONValue {
        typealias S = SchemaBuilder
        return S.object([
            ("description", S.string(maxLength: 500)),
            ("kind", S.choice(InvoiceLine.Kind.allCases.map(\.rawValue))),
            ("quantity", S.decimal("Positive quantity, may be fractional (1.5)")),
            ("unit", S.string("Unit of measure (default h/pcs or год/шт)", maxLength: 20)),
            ("unit_price", S.decimal("Net unit price in major units, exact (\"0.335\")")),
            ("unit_price_minor", S.integer(0...Int.max, description: "Net unit price in minor units (instead of unit_price)")),
            ("vat_rate", S.decimal("VAT rate in percent (0, 7, 7.5, 20 …)")),
            ("discount", S.object([
                ("percent", S.decimal("Discount in percent of the line amount")),
                ("amount", S.decimal("Discount amount in major units")),
            ], description: "Exactly one of percent or amount")),
            ("covered", S.boolean("Paid by the warranty (default: the claim's coverage)")),
            ("currency", S.choice(Currency.known.map(\.code), description: "Must equal the invoice currency")),
        ], required: ["description", "kind", "quantity"])
    }
}

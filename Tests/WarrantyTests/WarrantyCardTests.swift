import Foundation
import Testing
@testable import Warranty
import TalonPrimitives

@Suite struct WarrantyCardTests {
    func decode(_ json: String) throws(ValidationError) -> WarrantyCard {
        try WarrantyCard.decode(json: Data(json.utf8))
    }

    func problems(_ json: String) -> [String] {
        do {
            _ = try decode(json)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    let valid = """
        {"locale":"uk","card":{"number":"WC-2024-000123"},
         "seller":{"company":"ТОВ «Безпека»","address":"Київ","phone":"+380 44 123 45 67"},
         "product":{"model":"IPC-T54","serial":"SN123","warranty_months":36},
         "sale":{"date":"2024-02-29"},"buyer":{"name":"Олена Їжакевич","phone":"+380501234567"}}
        """

    @Test func decodesAValidCard() throws {
        let card = try decode(valid)
        #expect(card.locale == .uk)
        #expect(card.number == "WC-2024-000123")
        #expect(card.product.serial == "SN123")
        #expect(card.validUntil == (try CalendarDate(iso: "2027-02-28")))
        #expect(card.buyer?.name == "Олена Їжакевич")
        #expect(card.coupons == 3)
        #expect(card.policy.exclusions.count == 14)
        #expect(card.documentDate == card.saleDate)
    }

    @Test func documentDateComesFromTheInputNeverTheClock() throws {
        let card = try decode(valid.replacingOccurrences(of: "\"locale\":\"uk\",", with: "\"locale\":\"uk\",\"document_date\":\"2024-03-01\","))
        #expect(card.documentDate == (try CalendarDate(iso: "2024-03-01")))
    }

    @Test func serializedJSONEscapesAndKeepsOrder() {
        let value = JSONValue.object([("b", .string("a\"\\\n\u{01}ї")), ("a", .array([.number("1.5"), .bool(true), .null]))])
        #expect(value.serialized(pretty: false) == "{\"b\":\"a\\\"\\\\\\n\\u0001ї\",\"a\":[1.5,true,null]}")
    }

    @Test func productMonthsChangeTheEnd() throws {
        let card = try decode(valid.replacingOccurrences(of: "\"warranty_months\":36", with: "\"warranty_months\":24"))
        #expect(card.validUntil == (try CalendarDate(iso: "2026-02-28")))
    }

    @Test func buyerMayBeLeftOut() throws {
        let card = try decode(valid.replacingOccurrences(
            of: ",\"buyer\":{\"name\":\"Олена Їжакевич\",\"phone\":\"+380501234567\"}", with: ""))
        #expect(card.buyer == nil)
        #expect(card.locale == .uk)
    }

    @Test func reportsAllProblemsAtOnceWithPaths() {
        let found = problems("""
            {"locale":"DE!","card":{},"seller":{"address":"x","email":"not-mail"},
             "product":{"model":"  ","warranty_months":0},
             "sale":{"date":"2023-02-29"},"buyer":{"phone":"12"},"colour":"red"}
            """)
        #expect(Set(found) == [
            "$.locale: not a language tag (lowercase letters, like \"en\" or \"uk\")",
            "$.card.number: required",
            "$.seller.company: required",
            "$.seller.email: not an e-mail address",
            "$.product.model: required",
            "$.product.serial: required",
            "$.product.warranty_months: must be positive",
            "$.sale.date: not a real date: day 29 does not exist in 2023-02",
            "$.buyer.name: required",
            "$.buyer.phone: not a telephone number",
            "$.colour: unknown key",
        ])
    }

    @Test func missingSectionsAreReportedOncePerSection() {
        #expect(problems("{}") == ["$.card: required", "$.seller: required", "$.product: required", "$.sale: required"])
    }

    @Test func wrongTypesAndBadDateText() {
        let found = problems("""
            {"card":{"number":123},"seller":{"company":"S"},"product":"IPC","sale":{"date":"29.02.2024"}}
            """)
        #expect(found == [
            "$.card.number: must be a string, not a number",
            "$.product: must be an object, not a string",
            "$.sale.date: not a date (expected YYYY-MM-DD)",
        ])
    }

    @Test func malformedJSONIsOneProblemAtTheRoot() {
        let found = problems("{\"card\": ")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("$: not valid JSON") == true)
        #expect(problems("[]") == ["$: must be an object, not an array"])
    }

    @Test func stringsAreTrimmed() throws {
        #expect(JSONCursor.trimmed("\u{00A0} SN 1\n\t") == "SN 1")
        #expect(JSONCursor.trimmed(" \n ") == "")
        let card = try decode(valid.replacingOccurrences(of: "\"SN123\"", with: "\"  SN123\\n\""))
        #expect(card.product.serial == "SN123")
    }

    @Test func problemPrintsPathAndReason() {
        let problem = ValidationProblem(path: "$.product.serial", reason: "required")
        #expect(problem.description == "$.product.serial: required")
        #expect(JSONCursor.pathComponent("odd key") == "['odd key']")
    }

    @Test func schemaIsDeterministicAndParses() throws {
        let text = DocumentKind.warrantyCard.jsonSchema
        #expect(text == DocumentKind.warrantyCard.jsonSchema)
        #expect(text.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((parsed?["required"] as? [String]) == ["card", "seller", "product", "sale"])
    }
}

@Suite struct SchemaTests {
    @Test(arguments: DocumentKind.allCases)
    func everySchemaIsValidJSONWithItsTitle(_ kind: DocumentKind) throws {
        let text = kind.jsonSchema
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((parsed["$id"] as? String)?.hasSuffix("/\(kind.rawValue).json") == true)
        #expect(parsed["additionalProperties"] as? Bool == false)
        #expect(text == kind.jsonSchema)
    }

    @Test func claimSchemasRequireTheirStage() throws {
        func claimRequired(_ kind: DocumentKind) throws -> [String] {
            let parsed = try JSONSerialization.jsonObject(with: Data(kind.jsonSchema.utf8)) as? [String: Any]
            let claim = (parsed?["properties"] as? [String: Any])?["claim"] as? [String: Any]
            return claim?["required"] as? [String] ?? []
        }
        #expect(try claimRequired(.invoice).suffix(2) == ["diagnosis", "invoice"])
        #expect(try claimRequired(.rma) == ["rma", "received", "customer", "product", "equipment_set", "failure"])
        #expect(DocumentKind.notice.jsonSchema.contains("\"ready-for-pickup\""))
        #expect(!DocumentKind.rma.jsonSchema.contains("\"notice\""))
    }
}

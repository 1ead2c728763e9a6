import Foundation
import Testing
import TalonServer
import TestSupport

/// The API's journal routes in-process: cards, a claim's steps, reprints, and their errors.
@Suite struct APIJournalTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    /// A sample as JSON text, with `edit` applied to its object.
    func sample(_ name: String, _ edit: (inout [String: Any]) -> Void = { _ in }) throws -> String {
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.samples.appendingPathComponent(name))) as? [String: Any] ?? [:]
        edit(&object)
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func cardsAreNumberedStoredAndReprintedByteForByte() throws {
        let fixture = try AppFixture()
        let first = fixture.api("POST", "/api/v1/cards", body: try sample("warranty-card.en.json"))
        #expect(first.status == 201, "\(first.text)")
        let number = first.header("Document-Number") ?? ""
        #expect(number.hasPrefix("ГТ-2023-"), "\(number)")
        #expect(first.header("Location") == "/api/v1/documents/\(number)")
        let second = fixture.api("POST", "/api/v1/cards", body: try sample("warranty-card.en.json"))
        #expect(second.header("Document-Number") != number)
        let reprint = fixture.api("GET", "/api/v1/documents/\(number)")
        #expect(reprint.status == 200)
        #expect(reprint.body == first.body)
        #expect(fixture.api("GET", "/api/v1/documents/ГТ-1999-000001").status == 404)
        let bad = fixture.api("POST", "/api/v1/cards", body: try sample("warranty-card.en.json") { $0["product"] = [:] })
        #expect(bad.status == 400)
        #expect(bad.problems.contains("$.product.serial: required"), "\(bad.problems)")
        #expect(fixture.api("GET", "/api/v1/cards").status == 405)
    }

    @Test func aClaimIsOpenedAndTakenThroughItsStepsInOrder() throws {
        let fixture = try AppFixture()
        let rma = try sample("rma.en.json") { object in
            var claim = object["claim"] as? [String: Any] ?? [:]
            claim["attachments"] = [["name": "site-photo-1.png"]]
            object["claim"] = claim
        }
        let opened = fixture.api("POST", "/api/v1/claims", body: rma)
        #expect(opened.status == 201, "\(opened.text)")
        #expect(opened.header("Document-Number") == "RMA-2025-00001")
        let early = fixture.api("POST", "/api/v1/claims/RMA-2025-00001/invoice", body: "{}")
        #expect(early.status == 409)
        #expect((early.json["error"] as? String)?.contains("claim RMA-2025-00001 is received") == true, "\(early.text)")
        let diagnosis = try JSONSerialization.data(withJSONObject:
            ((try JSONSerialization.jsonObject(with: Data(contentsOf: Self.samples.appendingPathComponent("diagnosis.en.json"))) as? [String: Any])?["claim"] as? [String: Any])?["diagnosis"] ?? [:])
        let diagnosed = fixture.api("POST", "/api/v1/claims/RMA-2025-00001/diagnose", body: String(decoding: diagnosis, as: UTF8.self))
        #expect(diagnosed.status == 200, "\(diagnosed.text)")
        #expect(diagnosed.header("Claim-State") == "diagnosed")
        let shown = fixture.api("GET", "/api/v1/claims/RMA-2025-00001", query: ["as_of": "2025-07-01"])
        #expect(shown.json["state"] as? String == "diagnosed")
        #expect((shown.json["history"] as? [[String: Any]])?.map { $0["state"] as? String } == ["received", "diagnosed"])
        #expect((shown.json["due"] as? [String: Any])?["diagnosis_late"] as? Bool == false)
        let list = fixture.api("GET", "/api/v1/claims")
        #expect((list.json["claims"] as? [[String: Any]])?.first?["rma"] as? String == "RMA-2025-00001")
        #expect(fixture.api("GET", "/api/v1/claims/RMA-2099-00001").status == 404)
        #expect(fixture.api("POST", "/api/v1/claims/RMA-2025-00001/fly", body: "{}").status == 404)
        #expect(fixture.api("GET", "/api/v1/claims", query: ["as_of": "soon"]).status == 400)
    }

    @Test func aClaimOverTheAPICannotReadFilesOnTheServer() throws {
        let fixture = try AppFixture()
        let rma = try sample("rma.en.json") { object in
            var claim = object["claim"] as? [String: Any] ?? [:]
            claim["attachments"] = [["name": "passwd", "path": "/etc/passwd"]]
            object["claim"] = claim
        }
        let refused = fixture.api("POST", "/api/v1/claims", body: rma)
        #expect(refused.status == 400)
        #expect(refused.problems == ["$.claim.attachments[0].path: not accepted over the API (name the file only)"])
    }
}

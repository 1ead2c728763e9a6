import Foundation
import Testing
import TalonServer
import TestSupport

/// A claim's page and its step forms in-process: every step through the journal, the
/// document of each downloadable after it, a refused transition, CSRF, and the journal's
/// problems beside the fields.
@Suite struct ClaimStepHandlerTests {
    /// A fixture with one claim (RMA-2025-00001, received) and a logged-in staff user.
    struct Desk {
        let fixture: AppFixture
        let cookie: String

        init() throws {
            fixture = try AppFixture()
            let password = try fixture.desk.addFirstUser() ?? ""
            #expect(fixture.post("/rma", form: fixture.completeForm(token: try fixture.formToken())).status == 200)
            guard let cookie = try fixture.logIn(password: password) else { throw FixtureError("login refused") }
            self.cookie = cookie
        }

        func get(_ path: String, lang: String = "en", done: String? = nil) -> HTTPResponse {
            var query = ["lang": lang]
            if let done { query["done"] = done }
            return fixture.app.handle(HTTPRequest(method: "GET", path: path, query: query, headers: ["Cookie": cookie]))
        }

        /// Sends a step form with the CSRF token of the claim's page.
        func post(_ step: String, _ fields: [(String, String)], rma: String = "RMA-2025-00001", csrf: String? = nil) throws -> HTTPResponse {
            let token = try csrf ?? AppFixture.hidden("csrf", in: get("/staff/claims/\(rma)").text)
            return fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/claims/\(rma)/\(step)", query: ["lang": "en"],
                                                  headers: ["Cookie": cookie],
                                                  form: [FormField(name: "csrf", value: token)] + fields.map { FormField(name: $0.0, value: $0.1) }))
        }

        /// The text of a staff document, downloaded by its link.
        func documentText(_ href: String) throws -> String {
            let pdf = fixture.app.handle(HTTPRequest(method: "GET", path: href.removingPercentEncoding ?? href, headers: ["Cookie": cookie]))
            #expect(pdf.header("Content-Type") == "application/pdf", "\(href)")
            let file = fixture.folder.appendingPathComponent("\(UUID().uuidString).pdf")
            try Data(pdf.body).write(to: file)
            return try PDFTools.text(file.path)
        }
    }

    static let diagnosis = [("date", "2025-07-01"), ("technician", "Anna Schmidt"), ("findings", "Burnt PoE input stage"),
                            ("coverage", "not_covered"), ("clauses", "4"), ("clauses", "8"), ("estimate", "standard"),
                            ("estimated_cost", "164.90")]
    static let invoice = [("date", "2025-07-02"), ("vat_rate", "23"),
                          ("lines-1-description", "Diagnosis"), ("lines-1-kind", "work"), ("lines-1-quantity", "0.5"),
                          ("lines-1-unit", "h"), ("lines-1-unit_price", "40.00"),
                          ("lines-3-description", "Main board MB-T54 rev. C"), ("lines-3-kind", "part"),
                          ("lines-3-quantity", "1"), ("lines-3-unit_price", "86.50")]

    /// The step's link to its document on the page it redirects to.
    func afterStep(_ desk: Desk, _ reply: HTTPResponse, step: String) throws -> (page: String, document: String?) {
        #expect(reply.status == 303, "\(reply.text)")
        #expect(reply.header("Location") == "/staff/claims/RMA-2025-00001?lang=en&done=\(step)")
        let page = desk.get("/staff/claims/RMA-2025-00001", done: step).text
        #expect(page.contains(#"<p id="step-done">"#))
        let link = page.firstMatch(of: #/id="step-document" href="([^"]+)"/#).map { String($0.1) }
        return (page, link)
    }

    @Test func aClaimGoesFromReceivedToReturnedWithADocumentAfterEachStep() throws {
        let desk = try Desk()
        let received = desk.get("/staff/claims/RMA-2025-00001")
        #expect(received.status == 200)
        #expect(received.text.contains(#"<h2 id="step-title">Diagnosis</h2>"#))
        #expect(received.text.contains(#"<input type="checkbox" name="clauses" value="8">"#))
        #expect(received.text.contains(#"<a href="/staff/documents/RMA-2025-00001.pdf">RMA-2025-00001</a>"#))

        var step = try afterStep(desk, try desk.post("diagnose", Self.diagnosis), step: "diagnose")
        #expect(step.page.contains(#"<dd id="claim-state">diagnosed</dd>"#))
        #expect(step.document == "/staff/documents/RMA-2025-00001/diagnosis.pdf")
        let conclusion = try desk.documentText(step.document ?? "")
        #expect(conclusion.contains("Burnt PoE input stage") && conclusion.contains("Anna Schmidt"))

        step = try afterStep(desk, try desk.post("invoice", Self.invoice), step: "invoice")
        #expect(step.page.contains(#"<dd id="claim-state">invoice sent</dd>"#))
        let invoiceHref = step.document ?? ""
        #expect(invoiceHref == "/staff/documents/%D0%A0%D0%A5-2025-0001.pdf", "a Cyrillic number is percent-encoded")
        let invoice = try desk.documentText(invoiceHref)
        #expect(invoice.contains("РХ-2025-0001") && invoice.contains("Main board MB-T54 rev. C") && invoice.contains("Diagnosis"))
        #expect(step.page.contains(#"formaction="/staff/claims/RMA-2025-00001/decline?lang=en""#), "approve and decline share a form")

        step = try afterStep(desk, try desk.post("approve", [("date", "2025-07-03"), ("by", "Tomasz Kowalski")]), step: "approve")
        #expect(step.page.contains(#"<dd id="claim-state">approved</dd>"#))
        #expect(try desk.documentText(step.document ?? "").contains("Tomasz Kowalski"))

        step = try afterStep(desk, try desk.post("repair", [
            ("work_done", "Replaced the main board"), ("completed", "2025-07-22"), ("technician", "Anna Schmidt"),
            ("parts_replaced-2-name", "Main board MB-T54 rev. C"), ("parts_replaced-2-part_number", "MB-T54-C"),
            ("parts_replaced-2-quantity", "1"),
        ]), step: "repair")
        #expect(step.page.contains(#"<dd id="claim-state">repaired</dd>"#))
        #expect(step.document == nil, "the repair record comes with the return")

        step = try afterStep(desk, try desk.post("return", [("date", "2025-07-23"), ("method", "courier"), ("tracking", "DPD 0987")]),
                             step: "return")
        #expect(step.page.contains(#"<dd id="claim-state">returned</dd>"#))
        #expect(!step.page.contains("step-title"), "no step after the return")
        let record = try desk.documentText(step.document ?? "")
        #expect(record.contains("Replaced the main board") && record.contains("MB-T54-C") && record.contains("DPD 0987"))
        let claim = try desk.fixture.claim("RMA-2025-00001")
        #expect(claim.history.map(\.state.rawValue) == ["received", "diagnosed", "invoice-sent", "approved", "repaired", "returned"])
        let uk = desk.get("/staff/claims/RMA-2025-00001", lang: "uk").text
        #expect(uk.contains(#"<dd id="claim-state">повернуто</dd>"#) && uk.contains("висновок діагностики"))
    }

    @Test func aDeclinedClaimGoesStraightToTheReturn() throws {
        let desk = try Desk()
        _ = try afterStep(desk, try desk.post("diagnose", Self.diagnosis), step: "diagnose")
        _ = try afterStep(desk, try desk.post("invoice", Self.invoice), step: "invoice")
        let declined = try afterStep(desk, try desk.post("decline", [("date", "2025-07-04")]), step: "decline")
        #expect(declined.page.contains(#"<dd id="claim-state">declined</dd>"#))
        #expect(declined.document == "/staff/documents/%D0%A0%D0%A5-2025-0001/declined.pdf")
        #expect(declined.page.contains(#"<h2 id="step-title">Return</h2>"#))
    }

    @Test func aStepTheStateDoesNotAllowIsRefusedAndChangesNothing() throws {
        let desk = try Desk()
        let refused = try desk.post("invoice", Self.invoice)
        #expect(refused.status == 409)
        #expect(refused.text.contains(#"<p id="step-refused">Invoice is not allowed: the claim is received.</p>"#))
        #expect(try desk.post("return", [("date", "2025-07-23"), ("method", "post")]).status == 409)
        #expect(try desk.fixture.claim("RMA-2025-00001").state == .received)
        #expect(try desk.post("nonsense", []).status == 404)
        let csrf = try AppFixture.hidden("csrf", in: desk.get("/staff/claims/RMA-2025-00001").text)
        #expect(try desk.post("diagnose", Self.diagnosis, rma: "RMA-2025-09999", csrf: csrf).status == 404)
        #expect(desk.get("/staff/claims/RMA-2025-09999").status == 404)
    }

    @Test func stepFormsNeedASessionAndTheirCSRFToken() throws {
        let desk = try Desk()
        #expect(try desk.post("diagnose", Self.diagnosis, csrf: "1.00").status == 403)
        let anonymous = desk.fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/claims/RMA-2025-00001/diagnose",
                                                            form: Self.diagnosis.map { FormField(name: $0.0, value: $0.1) }))
        #expect(anonymous.status == 303 && anonymous.header("Location") == "/staff/login")
        #expect(desk.fixture.app.handle(HTTPRequest(method: "GET", path: "/staff/claims/RMA-2025-00001")).status == 303)
        #expect(try desk.fixture.claim("RMA-2025-00001").state == .received)
    }

    @Test func theJournalsProblemsStandBesideTheFieldsWithTheValuesKept() throws {
        let desk = try Desk()
        let empty = try desk.post("diagnose", [("date", "1 July"), ("technician", "Anna Schmidt"), ("coverage", "covered"), ("clauses", "4")])
        #expect(empty.status == 400)
        #expect(empty.text.contains(#"<p class="error" id="clauses-error">Exclusion clauses apply only when the repair is not covered.</p>"#))
        #expect(empty.text.contains(#"value="Anna Schmidt""#) && empty.text.contains(#"value="4" checked"#))
        let invalid = try desk.post("diagnose", [("date", "1 July"), ("coverage", "covered")])
        #expect(invalid.text.contains(#"id="date-error">Please type a date as YYYY-MM-DD."#), "\(invalid.text)")
        #expect(invalid.text.contains(#"id="findings-error">Please fill in this field."#))
        #expect(invalid.text.contains(##"<a href="#findings">Findings: Please fill in this field.</a>"##), "and in the summary")
        let noCoverage = try desk.post("diagnose", [("date", "2025-07-01"), ("findings", "x")])
        #expect(noCoverage.text.contains(#"id="coverage-error">Please choose covered or not covered."#))
        #expect(try desk.fixture.claim("RMA-2025-00001").state == .received)

        _ = try afterStep(desk, try desk.post("diagnose", Self.diagnosis), step: "diagnose")
        let noLines = try desk.post("invoice", [("date", "2025-07-02")])
        #expect(noLines.status == 400)
        #expect(noLines.text.contains(#"id="lines-1-description-error""#), "an invoice without lines, beside the first line")
        // Row 1 left blank: the second row is the invoice's first line, and its problems
        // stand beside the second row's fields.
        let badRow = try desk.post("invoice", [("date", "2025-07-02"), ("lines-2-description", "Diagnosis"),
                                               ("lines-2-kind", "work"), ("lines-2-quantity", "half")])
        #expect(badRow.status == 400)
        #expect(badRow.text.contains(#"id="lines-2-quantity-error""#), "\(badRow.text)")
        #expect(badRow.text.contains(#"value="half""#))
        #expect(!badRow.text.contains(#"id="lines-1-quantity-error""#))
    }
}

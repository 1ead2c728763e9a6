import Foundation
import Testing
import TalonServer
import TestSupport

/// The staff pages in-process: login, session cookie, CSRF, issuing a card, the claim list.
@Suite struct StaffHandlerTests {
    @Test func staffPagesNeedALoginWithTheRightPassword() throws {
        let fixture = try AppFixture()
        let password = try fixture.desk.addFirstUser() ?? ""
        #expect(password.count == 16)
        #expect(try fixture.desk.addFirstUser() == nil, "only on an empty journal")
        let anonymous = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff"))
        #expect(anonymous.status == 303)
        #expect(anonymous.header("Location") == "/staff/login")
        #expect(fixture.app.handle(HTTPRequest(method: "GET", path: "/staff/documents/x.pdf")).status == 303)
        #expect(try fixture.logIn(password: "wrong-password") == nil)
        let forged = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff", headers: ["Cookie": "talon_staff=admin|1700000000.00"]))
        #expect(forged.status == 303)
        guard let cookie = try fixture.logIn(password: password) else {
            Issue.record("login refused")
            return
        }
        let page = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff", headers: ["Cookie": cookie]))
        #expect(page.status == 200)
        #expect(page.text.contains("Issue a warranty card"))
    }

    @Test func aSellerIssuesACardAndOpensItsPDFButNotWithoutCSRF() throws {
        let fixture = try AppFixture()
        let password = try fixture.desk.addFirstUser() ?? ""
        guard let cookie = try fixture.logIn(password: password) else {
            Issue.record("login refused")
            return
        }
        let page = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff", headers: ["Cookie": cookie]))
        let csrf = try AppFixture.hidden("csrf", in: page.text)
        let card: [FormField] = [
            FormField(name: "model", value: "IPC-T54-Z28"), FormField(name: "serial", value: "T54Z2402290731"),
            FormField(name: "sale_date", value: "2025-03-14"), FormField(name: "name", value: "Margaret O'Neill"),
        ]
        let refused = fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/cards", headers: ["Cookie": cookie],
                                                     form: card + [FormField(name: "csrf", value: "1.00")]))
        #expect(refused.status == 403, "a forged CSRF token is refused")
        let missing = fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/cards", headers: ["Cookie": cookie],
                                                     form: [FormField(name: "csrf", value: csrf), FormField(name: "model", value: "X")]))
        #expect(missing.status == 400)
        #expect(missing.text.contains(#"id="serial-error""#) && missing.text.contains(#"id="sale_date-error""#))
        #expect(missing.text.contains(#"value="X""#))
        let issued = fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/cards", headers: ["Cookie": cookie],
                                                    form: card + [FormField(name: "csrf", value: csrf)]))
        #expect(issued.status == 200, "\(issued.text)")
        guard let range = issued.text.range(of: #"/staff/documents/[^"]+\.pdf"#, options: .regularExpression) else {
            Issue.record("no card link")
            return
        }
        let pdf = fixture.app.handle(HTTPRequest(method: "GET", path: String(issued.text[range]), headers: ["Cookie": cookie]))
        #expect(pdf.header("Content-Type") == "application/pdf")
        let file = fixture.folder.appendingPathComponent("card.pdf")
        try Data(pdf.body).write(to: file)
        let text = try PDFTools.text(file.path)
        #expect(text.contains("T54Z2402290731") && text.contains("Margaret O'Neill"))
    }

    @Test func theClaimListShowsDueDatesAndTheNextStep() throws {
        let fixture = try AppFixture()
        let password = try fixture.desk.addFirstUser() ?? ""
        #expect(fixture.post("/rma", form: fixture.completeForm(token: try fixture.formToken())).status == 200)
        guard let cookie = try fixture.logIn(password: password) else {
            Issue.record("login refused")
            return
        }
        let page = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff", headers: ["Cookie": cookie])).text
        #expect(page.contains(#"<td class="nowrap" data-label="RMA"><a href="/staff/claims/RMA-2025-00001?lang=en">RMA-2025-00001</a></td>"#
            + #"<td data-label="State">received</td><td class="nowrap" data-label="Date received">2025-06-27</td>"#
            + #"<td data-label="Customer">Tomasz Kowalski</td>"#))
        #expect(page.contains(#"<td data-label="Diagnosis due" class="late">2025-07-02 (late)</td>"#), "the clock is past the diagnosis date")
        #expect(page.contains(#"<td data-label="Next step">Diagnosis</td>"#))
        let uk = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff", query: ["lang": "uk"], headers: ["Cookie": cookie])).text
        #expect(uk.contains(#"<td data-label="Стан">прийнято</td>"#) && uk.contains(#"<td data-label="Наступний крок">Діагностика</td>"#),
                "states and steps in the page's language")
    }
}

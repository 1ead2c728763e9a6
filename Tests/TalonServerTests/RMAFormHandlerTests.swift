import Foundation
import Testing
import TalonServer
import TestSupport

/// The public RMA form, handled in-process (no socket): validation as `talon schema rma`,
/// messages beside the fields, anti-robot checks, the journal's number and PDF.
@Suite struct RMAFormHandlerTests {
    @Test func formIsServedInTheBrowsersLanguageAndOnRequest() throws {
        let fixture = try AppFixture()
        let english = fixture.app.handle(HTTPRequest(method: "GET", path: "/rma", headers: ["Accept-Language": "de, en;q=0.5"]))
        #expect(english.status == 200)
        #expect(english.text.contains("Failure description"))
        #expect(english.text.contains(#"<html lang="en">"#))
        let ukrainian = fixture.app.handle(HTTPRequest(method: "GET", path: "/rma", headers: ["Accept-Language": "uk-UA,uk;q=0.9,en;q=0.8"]))
        #expect(ukrainian.text.contains("Опис несправності"))
        let switched = fixture.app.handle(HTTPRequest(method: "GET", path: "/rma", query: ["lang": "uk"],
                                                      headers: ["Accept-Language": "en"]))
        #expect(switched.text.contains(#"<html lang="uk">"#))
        #expect(switched.text.contains(#"href="/rma?lang=en""#))
        // Every field of the brand's form, with the same ones required.
        for field in ["received", "model", "serial", "equipment_set", "failure", "name", "company", "country", "email", "phone", "files"] {
            #expect(english.text.contains(#"id="\#(field)""#), "field \(field)")
        }
        for required in ["model", "serial", "equipment_set", "failure", "name"] {
            #expect(english.text.range(of: #"id="\#(required)" name="\#(required)"[^>]* required"#, options: .regularExpression) != nil,
                    "\(required) is required")
        }
        #expect(!english.text.contains("<script"))
    }

    @Test func completeFormOpensAClaimWithItsNumberPDFAttachmentsAndNotice() throws {
        let fixture = try AppFixture()
        let response = fixture.post("/rma", form: fixture.completeForm(token: try fixture.formToken()))
        #expect(response.status == 200, "\(response.text)")
        #expect(response.text.contains(#"<strong id="rma-number">RMA-2025-00001</strong>"#))
        let second = fixture.post("/rma", form: fixture.completeForm(token: try fixture.formToken()))
        #expect(second.text.contains("RMA-2025-00002"))
        guard let range = response.text.range(of: #"/rma/RMA-2025-00001\.pdf\?key=[0-9a-f.]+"#, options: .regularExpression) else {
            Issue.record("no download link")
            return
        }
        let link = String(response.text[range]).components(separatedBy: "?key=")
        let pdf = fixture.app.handle(HTTPRequest(method: "GET", path: link[0], query: ["key": link[1]]))
        #expect(pdf.status == 200)
        #expect(pdf.header("Content-Type") == "application/pdf")
        let file = fixture.folder.appendingPathComponent("rma.pdf")
        try Data(pdf.body).write(to: file)
        let text = try PDFTools.text(file.path)
        #expect(text.contains("RMA-2025-00001"))
        #expect(text.contains("Tomasz Kowalski"))
        #expect(text.contains("site-1.jpg") && text.contains("site 2.png"))
        let images = try TestSupport.run("pdfimages", ["-list", file.path]).stdoutText
        #expect(images.split(separator: "\n").count == 4, "both photos drawn on the form:\n\(images)")
        let claim = try fixture.claim("RMA-2025-00001")
        #expect(claim.state.rawValue == "received")
        #expect(claim.documents.map(\.number) == ["RMA-2025-00001"])
        let stored = try JSONSerialization.jsonObject(with: claim.data) as? [String: Any]
        let attachments = (stored?["claim"] as? [String: Any])?["attachments"] as? [[String: Any]] ?? []
        #expect(attachments.map { $0["name"] as? String } == ["site-1.jpg", "site 2.png"])
        #expect(attachments.allSatisfy { ($0["path"] as? String)?.hasPrefix("attachments/") == true }, "copied into the journal")
        // The link is signed for its number: another number with the same key is not served.
        let other = fixture.app.handle(HTTPRequest(method: "GET", path: "/rma/RMA-2025-00002.pdf", query: ["key": link[1]]))
        #expect(other.status == 404)
    }

    @Test func missingRequiredFieldShowsItsMessageAndKeepsTheOtherValues() throws {
        let fixture = try AppFixture()
        var form = fixture.completeForm(token: try fixture.formToken()).filter { $0.name != "failure" }
        form.append(FormField(name: "company", value: #"<b>"Acme" & Sons</b>"#))
        let response = fixture.post("/rma", form: form)
        #expect(response.status == 400)
        #expect(response.text.contains(#"<p class="error" id="failure-error">Please describe the failure.</p>"#))
        #expect(response.text.contains(##"<a href="#failure">Failure description: Please describe the failure.</a>"##))
        #expect(response.text.contains(#"aria-invalid="true" aria-describedby="failure-error""#))
        #expect(response.text.contains(#"value="T54Z2301310417""#))
        #expect(response.text.contains("Camera with 0.5 m pigtail; junction box</textarea>"))
        #expect(response.text.contains(#"value="&lt;b&gt;&quot;Acme&quot; &amp; Sons&lt;/b&gt;""#), "customer text is escaped")
        #expect(throws: (any Error).self, "nothing stored") { try fixture.claim("RMA-2025-00001") }
    }

    @Test func serverChecksTheSchemasRulesInUkrainianToo() throws {
        let fixture = try AppFixture()
        var form = fixture.completeForm(token: try fixture.formToken()).filter { !["email", "received", "phone"].contains($0.name) }
        form += [FormField(name: "email", value: "not-an-address"), FormField(name: "received", value: "2025-02-30"),
                 FormField(name: "phone", value: "call me")]
        let response = fixture.post("/rma?lang=uk", form: form)
        #expect(response.status == 400)
        #expect(response.text.contains("Неправильна адреса електронної пошти."))
        #expect(response.text.contains("Будь ласка, вкажіть дату як РРРР-ММ-ДД."))
        #expect(response.text.contains(#"id="phone-error""#))
    }

    @Test func uploadsAreCheckedByContentAndCounted() throws {
        let fixture = try AppFixture()
        var form = fixture.completeForm(token: try fixture.formToken())
        form.append(FormField(name: "files", fileName: "photo.jpg", data: Array("MZ not a photo".utf8)))
        let renamed = fixture.post("/rma", form: form)
        #expect(renamed.status == 400)
        #expect(renamed.text.contains("photo.jpg: This file is not a photo, video or PDF."))
        var many = fixture.completeForm(token: try fixture.formToken())
        for index in 0..<4 { many.append(FormField(name: "files", fileName: "p\(index).pdf", data: Array("%PDF-1.4".utf8))) }
        #expect(fixture.post("/rma", form: many).text.contains("Please attach at most 5 files."))
    }

    @Test func robotsAndFloodsAreRefused() throws {
        let fixture = try AppFixture(formsPerAddress: 2)
        var honeypot = fixture.completeForm(token: try fixture.formToken())
        honeypot.append(FormField(name: "website", value: "http://spam.example"))
        #expect(fixture.post("/rma", form: honeypot).status == 400)
        let forged = fixture.post("/rma", form: fixture.completeForm(token: "1700000000.00ff"))
        #expect(forged.status == 400)
        #expect(forged.text.contains("The form has expired."))
        #expect(throws: (any Error).self, "nothing stored") { try fixture.claim("RMA-2025-00001") }
        #expect(fixture.post("/rma", form: fixture.completeForm(token: try fixture.formToken())).status == 200)
        #expect(fixture.post("/rma", form: fixture.completeForm(token: try fixture.formToken())).status == 200)
        let third = fixture.post("/rma", form: fixture.completeForm(token: try fixture.formToken()))
        #expect(third.status == 429)
        #expect(third.header("Retry-After") == "600")
        #expect(fixture.post("/rma", form: fixture.completeForm(token: try fixture.formToken()), address: "192.0.2.9").status == 200)
    }
}

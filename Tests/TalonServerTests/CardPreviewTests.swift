import Foundation
import Testing
import TalonServer
import TestSupport

/// The counter's card preview: validated like issuing, rendered with the preview mark,
/// never stored and taking no number.
@Suite struct CardPreviewTests {
    static let card: [FormField] = [
        FormField(name: "model", value: "IPC-T54-Z28"), FormField(name: "serial", value: "T54Z2402290731"),
        FormField(name: "sale_date", value: "2025-03-14"), FormField(name: "name", value: "Margaret O'Neill"),
    ]

    @Test func aPreviewIsTheMarkedPDFAndLeavesTheJournalAlone() throws {
        let fixture = try AppFixture()
        let cookie = try fixture.staffSession()
        for (lang, mark) in [("en", "PREVIEW"), ("uk", "ЗРАЗОК")] {
            let page = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff", query: ["lang": lang], headers: ["Cookie": cookie]))
            #expect(page.text.contains(#"formaction="/staff/cards/preview?lang=\#(lang)" formtarget="_blank""#))
            let csrf = try AppFixture.hidden("csrf", in: page.text)
            let preview = fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/cards/preview", query: ["lang": lang],
                                                         headers: ["Cookie": cookie], form: Self.card + [FormField(name: "csrf", value: csrf)]))
            #expect(preview.status == 200, "\(preview.text)")
            #expect(preview.header("Content-Type") == "application/pdf")
            #expect(preview.header("Content-Disposition")?.hasPrefix("inline") == true)
            let file = fixture.folder.appendingPathComponent("preview-\(lang).pdf")
            try Data(preview.body).write(to: file)
            let text = try PDFTools.text(file.path)
            #expect(text.contains("Margaret O'Neill") && text.contains("T54Z2402290731") && text.contains(mark), "\(text)")
            let stored = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff/documents/\(mark).pdf", headers: ["Cookie": cookie]))
            #expect(stored.status == 404, "a preview is not in the journal")
        }
        let page = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff", headers: ["Cookie": cookie]))
        let issued = fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/cards", headers: ["Cookie": cookie],
                                                    form: Self.card + [FormField(name: "csrf", value: try AppFixture.hidden("csrf", in: page.text))]))
        let number = try #require(issued.text.range(of: #"id="card-number">[^<]+"#, options: .regularExpression)).upperBound
        #expect(issued.text[..<number].hasSuffix("-000001"), "the first card issued after previews takes the series' first number")
    }

    @Test func aPreviewNeedsTheCSRFTokenAndShowsProblemsBesideTheFields() throws {
        let fixture = try AppFixture()
        let cookie = try fixture.staffSession()
        let refused = fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/cards/preview", headers: ["Cookie": cookie], form: Self.card))
        #expect(refused.status == 403 && refused.header("Content-Type") != "application/pdf")
        let anonymous = fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/cards/preview", form: Self.card))
        #expect(anonymous.status == 303, "no preview without a session")
        let page = fixture.app.handle(HTTPRequest(method: "GET", path: "/staff", headers: ["Cookie": cookie]))
        let bad = fixture.app.handle(HTTPRequest(method: "POST", path: "/staff/cards/preview", headers: ["Cookie": cookie],
                                                 form: [FormField(name: "csrf", value: try AppFixture.hidden("csrf", in: page.text)),
                                                        FormField(name: "model", value: "X"), FormField(name: "sale_date", value: "2025-02-30")]))
        #expect(bad.status == 400)
        #expect(bad.text.contains(#"id="serial-error""#) && bad.text.contains(#"id="sale_date-error""#))
        #expect(bad.text.contains(#"value="X""#), "the form keeps what was typed")
        let unprintable = Self.card.filter { $0.name != "name" } + [FormField(name: "name", value: "Ma 🐉"),
                                                                    FormField(name: "csrf", value: try AppFixture.hidden("csrf", in: page.text))]
        for path in ["/staff/cards/preview", "/staff/cards"] {
            let refused = fixture.app.handle(HTTPRequest(method: "POST", path: path, headers: ["Cookie": cookie], form: unprintable))
            #expect(refused.status == 400, "\(path): \(refused.text)")
            #expect(refused.text.contains(#"id="name-error""#) && refused.text.contains("🐉"), "\(path): text the fonts cannot print, beside its field")
        }
    }
}

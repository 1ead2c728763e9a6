import Foundation
import Testing
import TalonServer
import TestSupport

/// The HTTP API in-process: tokens, every route, every error with the command line's paths.
@Suite struct APIHandlerTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    func sample(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: Self.samples.appendingPathComponent(name)), as: UTF8.self)
    }

    @Test func everyRouteButTheDescriptionNeedsAKnownToken() throws {
        let fixture = try AppFixture()
        let described = fixture.app.handle(HTTPRequest(method: "GET", path: "/api/v1/openapi.json"))
        #expect(described.status == 200)
        let paths = (described.json["paths"] as? [String: Any])?.keys.sorted() ?? []
        #expect(paths == ["/cards", "/claims", "/claims/{rma}", "/claims/{rma}/{step}", "/documents/{number}",
                          "/openapi.json", "/render/{kind}", "/schemas", "/schemas/{kind}"])
        for token in [nil, "tln_wrong"] as [String?] {
            var headers: [String: String] = [:]
            if let token { headers["Authorization"] = "Bearer \(token)" }
            let refused = fixture.app.handle(HTTPRequest(method: "GET", path: "/api/v1/schemas", headers: headers))
            #expect(refused.status == 401)
            #expect(refused.header("WWW-Authenticate") == "Bearer")
            #expect(refused.json["error"] as? String == "a valid bearer token is required (talon token add)")
        }
        let kinds = fixture.api("GET", "/api/v1/schemas")
        #expect(kinds.json["kinds"] as? [String] == ["warranty-card", "rma", "diagnosis", "invoice", "repair-record", "notice"])
    }

    @Test func schemasAreTheCommandLinesSchemas() throws {
        let fixture = try AppFixture()
        let response = fixture.api("GET", "/api/v1/schemas/invoice")
        #expect(response.status == 200)
        let cli = try TestSupport.talon(["schema", "invoice"])
        #expect(response.text.trimmingCharacters(in: .newlines) == cli.stdoutText.trimmingCharacters(in: .newlines))
        #expect(fixture.api("GET", "/api/v1/schemas/nope").status == 404)
        #expect(fixture.api("POST", "/api/v1/schemas/invoice").status == 405)
    }

    @Test func rendersEveryFormatLikeTheCommandLine() throws {
        let fixture = try AppFixture()
        let card = try sample("warranty-card.uk.json")
        let pdf = fixture.api("POST", "/api/v1/render/warranty-card", body: card)
        #expect(pdf.status == 200)
        #expect(pdf.header("Content-Type") == "application/pdf")
        let cliFile = fixture.folder.appendingPathComponent("cli.pdf").path
        #expect(try TestSupport.talon(["render", "warranty-card", Self.samples.appendingPathComponent("warranty-card.uk.json").path,
                                       "-o", cliFile]).status == 0)
        #expect(pdf.body == Array(try Data(contentsOf: URL(fileURLWithPath: cliFile))), "same bytes as talon render")
        let notice = try sample("notice.en.json")
        let html = fixture.api("POST", "/api/v1/render/notice", body: notice, query: ["format": "html"])
        #expect(html.header("Content-Type") == "text/html; charset=utf-8")
        #expect(html.text.contains("<p>"))
        let text = fixture.api("POST", "/api/v1/render/notice", body: notice, query: ["format": "text", "locale": "uk"])
        #expect(text.status == 200)
        #expect(text.text.range(of: "[А-Яа-яІіЇїЄє]", options: .regularExpression) != nil, "rendered in Ukrainian")
        let sms = fixture.api("POST", "/api/v1/render/notice", body: notice, query: ["format": "sms"])
        #expect(sms.header("SMS-Segments").flatMap(Int.init) ?? 0 >= 1)
        #expect(sms.header("SMS-Encoding") != nil)
    }

    @Test func badDataIsA400WithEveryProblemAtItsJSONPath() throws {
        let fixture = try AppFixture()
        let response = fixture.api("POST", "/api/v1/render/rma", body: #"{"claim": {"product": {"model": "X"}}}"#)
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/json")
        let cliFile = fixture.folder.appendingPathComponent("bad.json")
        try Data(#"{"claim": {"product": {"model": "X"}}}"#.utf8).write(to: cliFile)
        let cli = try TestSupport.talon(["render", "rma", cliFile.path, "-o", fixture.folder.appendingPathComponent("x.pdf").path])
        #expect(cli.status == 1)
        let cliProblems = cli.stderrText.split(separator: "\n").map(String.init)
        #expect(response.problems == cliProblems, "the API reports what the command line reports")
        #expect(response.problems.contains("$.claim.product.serial: required"))
        let notJSON = fixture.api("POST", "/api/v1/render/rma", body: "{oops")
        #expect(notJSON.status == 400)
        #expect(notJSON.problems.first?.hasPrefix("$") == true, "\(notJSON.text)")
    }

    @Test func wrongRequestsGetTheirCodes() throws {
        let fixture = try AppFixture(apiRequestsPerToken: 3)
        #expect(fixture.api("POST", "/api/v1/render/warranty-card", body: "a=b", contentType: "application/x-www-form-urlencoded").status == 415)
        #expect(fixture.api("POST", "/api/v1/render/cheque", body: "{}").status == 404)
        let badFormat = fixture.api("POST", "/api/v1/render/rma", body: "{}", query: ["format": "docx"])
        #expect(badFormat.status == 400)
        #expect(badFormat.json["error"] as? String == "invalid format 'docx'; expected one of: pdf, text, html, sms")
        let limited = fixture.api("GET", "/api/v1/schemas")
        #expect(limited.status == 429)
        #expect(limited.header("Retry-After") == "60")
        #expect(fixture.app.handle(HTTPRequest(method: "GET", path: "/api/v2/x")).status == 404)
    }

    @Test func everyResponseCarriesTheSecurityHeadersThroughTheServer() throws {
        // Handlers answer plainly; the server adds the headers (checked over HTTP in
        // ServeProcessTests). Here: pages have no inline script for the CSP to allow.
        let fixture = try AppFixture()
        let page = fixture.app.handle(HTTPRequest(method: "GET", path: "/rma"))
        #expect(!page.text.contains("<script") && !page.text.contains("style=\""))
        #expect(fixture.app.handle(HTTPRequest(method: "GET", path: "/static/style.css")).header("Content-Type") == "text/css; charset=utf-8")
        #expect(fixture.app.handle(HTTPRequest(method: "GET", path: "/static/")).status == 404, "no directory listing")
        #expect(fixture.app.handle(HTTPRequest(method: "DELETE", path: "/rma")).status == 405)
        #expect(fixture.app.handle(HTTPRequest(method: "GET", path: "/healthz")).text == "ok\n")
        #expect(fixture.app.handle(HTTPRequest(method: "GET", path: "/readyz")).status == 200)
    }
}

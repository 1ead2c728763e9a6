import Foundation
import TalonDocuments
import TalonServer
import TestSupport

/// A TalonApp over a fresh journal in a temporary folder, with one API token.
struct AppFixture {
    static let renderer: DocumentRenderer? = try? DocumentRenderer(resources: ResourceLocator.discover())

    let app: TalonApp
    let journal: ServerJournal
    let token: String
    let folder: URL

    init(formsPerAddress: Int = 10, apiRequestsPerToken: Int = 1000) throws {
        guard let renderer = Self.renderer else { throw FixtureError("templates not found") }
        folder = try TestSupport.temporaryDirectory()
        journal = try ServerJournal(path: folder.appendingPathComponent("talon.db").path, renderer: renderer)
        token = try journal.addToken(name: "tests")
        app = try TalonApp(renderer: renderer, desk: journal, secret: try journal.secret(),
                           formsPerAddress: formsPerAddress, apiRequestsPerToken: apiRequestsPerToken)
    }

    /// The anti-robot token of a freshly served form.
    func formToken() throws -> String {
        let page = String(decoding: app.handle(HTTPRequest(method: "GET", path: "/rma")).body, as: UTF8.self)
        guard let range = page.range(of: #"name="token" value="([0-9]+\.[0-9a-f]+)""#, options: .regularExpression) else {
            throw FixtureError("no token in the form")
        }
        return String(page[range].dropFirst(#"name="token" value=""#.count).dropLast())
    }

    /// A complete, valid RMA form submission with two photos.
    func completeForm(token: String) -> [FormField] {
        [
            FormField(name: "token", value: token),
            FormField(name: "received", value: "2025-06-27"),
            FormField(name: "model", value: "IPC-T54-Z28"),
            FormField(name: "serial", value: "T54Z2301310417"),
            FormField(name: "equipment_set", value: "Camera with 0.5 m pigtail; junction box"),
            FormField(name: "failure", value: "No video since a thunderstorm"),
            FormField(name: "name", value: "Tomasz Kowalski"),
            FormField(name: "country", value: "Poland"),
            FormField(name: "email", value: "t.kowalski@example.com"),
            FormField(name: "phone", value: "+48 601 234 567"),
            FormField(name: "files", fileName: "site-1.jpg", data: [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 1, count: 100)),
            FormField(name: "files", fileName: "site-2.png", data: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
        ]
    }

    func post(_ path: String, form: [FormField], address: String = "192.0.2.1") -> HTTPResponse {
        app.handle(HTTPRequest(method: "POST", path: path.components(separatedBy: "?")[0],
                               query: path.contains("?lang=uk") ? ["lang": "uk"] : [:],
                               form: form, remoteAddress: address))
    }

    func api(_ method: String, _ path: String, body: String = "", query: [String: String] = [:],
             token: String? = nil, contentType: String = "application/json") -> HTTPResponse {
        var headers = ["Content-Type": contentType]
        if let bearer = token ?? Optional(self.token) { headers["Authorization"] = "Bearer \(bearer)" }
        return app.handle(HTTPRequest(method: method, path: path, query: query, headers: headers, body: Array(body.utf8)))
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The JSON body as a dictionary.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }

    /// The `path: message` pairs of an API error.
    var problems: [String] {
        (json["problems"] as? [[String: Any]] ?? []).map { "\($0["path"] as? String ?? ""): \($0["message"] as? String ?? "")" }
    }
}

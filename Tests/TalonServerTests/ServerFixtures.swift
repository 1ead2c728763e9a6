import Foundation
import TalonDocuments
import TalonJournal
import TalonServer
import Testing
import TestSupport

/// A TalonApp over a fresh journal in a temporary folder, with one API token.
struct AppFixture {
    static let renderer: DocumentRenderer? = try? DocumentRenderer(resources: ResourceLocator.discover())

    let app: TalonApp
    let desk: JournalDesk
    let journalPath: String
    let token: String
    let folder: URL

    init(formsPerAddress: Int = 10, apiRequestsPerToken: Int = 1000) throws {
        guard let renderer = Self.renderer else { throw FixtureError("templates not found") }
        folder = try TestSupport.temporaryDirectory()
        journalPath = folder.appendingPathComponent("talon.db").path
        desk = try JournalDesk(path: journalPath, renderer: renderer)
        token = try desk.addToken(name: "tests")
        app = try TalonApp(renderer: renderer, desk: desk,
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
            FormField(name: "files", fileName: "site-1.jpg", data: Self.jpeg),
            FormField(name: "files", fileName: "site 2.png", data: Self.png),
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

extension AppFixture {
    /// The value of a hidden field in a page.
    static func hidden(_ name: String, in page: String) throws -> String {
        guard let range = page.range(of: #"name="\#(name)" value="[^"]+""#, options: .regularExpression) else {
            throw FixtureError("no \(name) in the page")
        }
        return String(page[range].dropFirst(#"name="\#(name)" value=""#.count).dropLast())
    }

    /// Logs in and returns the session cookie (`talon_staff=...`).
    func logIn(password: String) throws -> String? {
        let login = app.handle(HTTPRequest(method: "GET", path: "/staff/login"))
        let csrf = try Self.hidden("csrf", in: login.text)
        let reply = app.handle(HTTPRequest(method: "POST", path: "/staff/login", form: [
            FormField(name: "csrf", value: csrf), FormField(name: "user", value: "admin"), FormField(name: "password", value: password),
        ]))
        guard reply.status == 303, let cookie = reply.header("Set-Cookie") else { return nil }
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/staff"))
        return cookie.components(separatedBy: ";")[0]
    }

    /// Adds the first staff user and returns its session cookie.
    func staffSession() throws -> String {
        guard let password = try desk.addFirstUser(), let cookie = try logIn(password: password) else {
            throw FixtureError("the first staff user could not log in")
        }
        return cookie
    }

    /// An 8×8 red JPEG and blue PNG (ImageMagick), as a phone would upload photos.
    static let jpeg = Array(Data(base64Encoded: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABgj/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCdABykX//Z") ?? Data())
    static let png = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEElEQVR4nGNgYPiPAw0pCQCpcD/BFMrqcwAAAABJRU5ErkJggg==") ?? Data())

    /// The claim the journal holds under `rma`.
    func claim(_ rma: String) throws -> ClaimRecord {
        try Self.claimRecord(rma, journal: journalPath)
    }

    /// The claim a journal file holds under `rma`.
    static func claimRecord(_ rma: String, journal: String) throws -> ClaimRecord {
        guard let renderer else { throw FixtureError("templates not found") }
        return try Journal(path: journal, renderer: renderer).claim(rma)
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

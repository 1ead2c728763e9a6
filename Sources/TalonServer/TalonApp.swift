import Foundation
import TalonDocuments
import TalonJournal
import Warranty

/// The whole web application as one function from request to response: the public RMA
/// form, the HTTP API and the health checks. It keeps nothing between requests but the
/// journal (and in-memory rate limits), so several instances behind a proxy act as one.
public final class TalonApp: Sendable {
    let renderer: DocumentRenderer
    let desk: JournalDesk
    let pages: WebPages
    let configurations: [String: Data]
    let openAPI: [UInt8]
    let formToken: SignedToken
    let downloadKey: SignedToken
    let csrfToken: SignedToken
    let sessionToken: SignedToken
    let formLimiter: RateLimiter
    let loginLimiter: RateLimiter
    let apiLimiter: RateLimiter
    let clock: @Sendable () -> Date
    /// How many requests wait or run (for `/readyz`); set by the server.
    let load: @Sendable () -> Int
    let capacity: Int

    /// - Parameters:
    ///   - formsPerAddress: RMA forms accepted from one address per 10 minutes.
    ///   - apiRequestsPerToken: API requests accepted per token per minute.
    public init(renderer: DocumentRenderer, desk: JournalDesk,
                formsPerAddress: Int = 10, apiRequestsPerToken: Int = 6000,
                capacity: Int = 64, load: @escaping @Sendable () -> Int = { 0 },
                clock: @escaping @Sendable () -> Date = { Date() }) throws(TalonError) {
        self.renderer = renderer
        self.desk = desk
        let web = renderer.resources.templates.appendingPathComponent("web", isDirectory: true)
        pages = try WebPages(folder: web)
        var configurations: [String: Data] = [:]
        for name in ["service-center", "seller"] {
            let file = web.appendingPathComponent("\(name).json")
            guard let data = FileManager.default.contents(atPath: file.path) else { throw .resources("cannot read \(file.path)") }
            configurations[name] = data
        }
        self.configurations = configurations
        guard let openAPI = FileManager.default.contents(atPath: web.appendingPathComponent("openapi.json").path) else {
            throw .resources("cannot read \(web.path)/openapi.json")
        }
        self.openAPI = Array(openAPI)
        // The signing key is kept in the journal, so every instance on it accepts the
        // tokens and links of the others.
        let secret: [UInt8]
        do {
            secret = try desk.secret()
        } catch {
            throw .input(path: desk.path, reason: error.description)
        }
        formToken = SignedToken(key: secret, purpose: "rma-form")
        downloadKey = SignedToken(key: secret, purpose: "rma-download")
        csrfToken = SignedToken(key: secret, purpose: "csrf")
        sessionToken = SignedToken(key: secret, purpose: "staff-session")
        formLimiter = RateLimiter(limit: formsPerAddress, window: 600)
        loginLimiter = RateLimiter(limit: 10, window: 600)
        apiLimiter = RateLimiter(limit: apiRequestsPerToken, window: 60)
        self.capacity = capacity
        self.load = load
        self.clock = clock
    }

    /// Answers one request.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let path = request.path
        if path.hasPrefix("/api/") { return api(request) }
        if path == "/staff" || path.hasPrefix("/staff/") { return staff(request) }
        switch (request.method, path) {
        case ("GET", "/"), ("HEAD", "/"):
            return .redirect(to: "/rma")
        case ("GET", "/healthz"):
            return .text("ok\n")
        case ("GET", "/readyz"):
            return desk.isReady && load() < capacity ? .text("ready\n") : .text("not ready\n", status: 503)
        case ("GET", "/static/style.css"):
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/css; charset=utf-8")], body: pages.stylesheet)
        case ("GET", "/rma"):
            return rmaPage(WebForm(WebForm.rma, HTTPRequest(method: "GET", path: "/rma")), errors: [:], unplaced: [],
                           locale: pages.locale(of: request))
        case ("POST", "/rma"):
            return submitRMA(request)
        case ("GET", _) where path.hasPrefix("/rma/") && path.hasSuffix(".pdf"):
            return downloadRMA(request)
        case (_, "/"), (_, "/healthz"), (_, "/readyz"), (_, "/static/style.css"), (_, "/rma"):
            return HTTPResponse(status: 405, headers: [("Allow", path == "/rma" ? "GET, POST" : "GET")])
        default:
            return pages.message("not_found_title", "not_found_text", locale: pages.locale(of: request), status: 404, back: "/rma")
        }
    }
}

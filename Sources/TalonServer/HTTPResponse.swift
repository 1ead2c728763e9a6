import Foundation

/// What a handler answers: status, header fields and body.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields in the order they are sent (security headers are added by the server).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of a header field (first match, any case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public static func html(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
    }

    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }

    public static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }

    public static func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(status: 303, headers: [("Location", location)])
    }

    /// A file to download under a name.
    public static func download(_ bytes: [UInt8], contentType: String, fileName: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [
            ("Content-Type", contentType),
            ("Content-Disposition", "attachment; filename=\"\(fileName)\""),
        ], body: bytes)
    }

    /// The header fields every response carries: no script or frame from elsewhere,
    /// no inline script, no content-type guessing, no referrer to other sites.
    static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
        ("Cache-Control", "no-store"),
    ]

    /// This response with the security headers it does not set itself.
    func withSecurityHeaders() -> HTTPResponse {
        var response = self
        for header in Self.securityHeaders where response.header(header.name) == nil {
            response.headers.append(header)
        }
        return response
    }
}

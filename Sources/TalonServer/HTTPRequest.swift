import Foundation

/// One parsed HTTP request, as a handler sees it: no socket, no server state.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, ...
    public var method: String
    /// The path without the query (`/api/v1/render/rma`), percent-decoded by the server.
    public var path: String
    /// Query arguments; a repeated name keeps its first value.
    public var query: [String: String]
    /// Header fields by lower-case name.
    public var headers: [String: String]
    /// The raw body (empty for forms, whose fields are in `form`).
    public var body: [UInt8]
    /// Fields of an `application/x-www-form-urlencoded` or `multipart/form-data` body.
    public var form: [FormField]
    /// The client's address (for rate limits; never logged).
    public var remoteAddress: String

    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
                body: [UInt8] = [], form: [FormField] = [], remoteAddress: String = "127.0.0.1") {
        self.method = method
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
        self.form = form
        self.remoteAddress = remoteAddress
    }

    /// A header by its name (any case).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The first text value of a form field, trimmed; nil when absent or blank.
    public func formValue(_ name: String) -> String? {
        guard let field = form.first(where: { $0.name == name && $0.fileName == nil }) else { return nil }
        let text = String(decoding: field.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The files uploaded under a field name that carry content.
    public func files(_ name: String) -> [FormField] {
        form.filter { $0.name == name && $0.fileName != nil && !$0.data.isEmpty }
    }

    /// The cookie of a name from the `Cookie` header.
    public func cookie(_ name: String) -> String? {
        guard let header = header("cookie") else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == name {
                return pair[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}

/// One field of a submitted form: a text value or an uploaded file.
public struct FormField: Sendable, Equatable {
    public var name: String
    /// The file name the browser sent; nil for a text field.
    public var fileName: String?
    public var data: [UInt8]

    public init(name: String, value: String) {
        self.name = name
        self.fileName = nil
        self.data = Array(value.utf8)
    }

    public init(name: String, fileName: String, data: [UInt8]) {
        self.name = name
        self.fileName = fileName
        self.data = data
    }
}

import Foundation
import TalonDocuments
import Warranty

/// The HTTP API under `/api/v1/`: bearer tokens, JSON in, documents or JSON out, and
/// errors as JSON with the command line's JSON paths.
extension TalonApp {
    func api(_ request: HTTPRequest) -> HTTPResponse {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 3, parts[0] == "api", parts[1] == "v1" else {
            return .apiProblem(status: 404, "no such API route")
        }
        let route = Array(parts.dropFirst(2))
        if route == ["openapi.json"] {
            guard request.method == "GET" else { return Self.notAllowed("GET") }
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: openAPI)
        }
        guard let token = Self.bearerToken(request), desk.acceptsToken(token) else {
            var response = HTTPResponse.apiProblem(status: 401, "a valid bearer token is required (talon token add)")
            response.headers.append(("WWW-Authenticate", "Bearer"))
            return response
        }
        guard apiLimiter.allow(token, at: clock()) else {
            var response = HTTPResponse.apiProblem(status: 429, "too many requests for this token; retry later")
            response.headers.append(("Retry-After", "60"))
            return response
        }
        switch route.first {
        case "schemas":
            guard request.method == "GET" else { return Self.notAllowed("GET") }
            if route.count == 1 {
                return Self.jsonObject(["kinds": DocumentCatalog.names])
            }
            guard route.count == 2, let schema = try? DocumentCatalog.schema(for: route[1]) else {
                return .apiProblem(status: 404, "unknown document kind; kinds: \(DocumentCatalog.names.joined(separator: ", "))")
            }
            return .json(schema)
        case "render":
            guard route.count == 2 else { return .apiProblem(status: 404, "use /api/v1/render/{kind}") }
            guard request.method == "POST" else { return Self.notAllowed("POST") }
            return render(kind: route[1], request)
        case "cards", "claims", "documents":
            return journalRoute(route, request)
        default:
            return .apiProblem(status: 404, "no such API route")
        }
    }

    /// `POST /api/v1/render/{kind}?format=pdf|text|html|sms&locale=<tag>` (a language with a catalogue).
    func render(kind name: String, _ request: HTTPRequest) -> HTTPResponse {
        guard let kind = DocumentKind(rawValue: name) else {
            return .apiProblem(status: 404, "unknown document kind '\(name)'; kinds: \(DocumentCatalog.names.joined(separator: ", "))")
        }
        let format = request.query["format"] ?? "pdf"
        guard let outputFormat = OutputFormat(rawValue: format) else {
            return .apiProblem(status: 400, "invalid format '\(format)'; expected one of: pdf, text, html, sms")
        }
        var locale: DocumentLocale?
        if let text = request.query["locale"] {
            guard let asked = DocumentLocale(rawValue: text), renderer.locales.contains(asked) else {
                return .apiProblem(status: 400, "invalid locale '\(text)'; expected one of: \(renderer.localeList)")
            }
            locale = asked
        }
        if let problem = Self.requireJSON(request) { return problem }
        do {
            let document = try renderer.render(RenderRequest(template: .builtIn(kind), data: Data(request.body),
                                                             dataName: "$", locale: locale, format: outputFormat))
            return Self.documentResponse(document, format: outputFormat)
        } catch {
            return Self.problem(for: error)
        }
    }

    /// 415 unless the body is declared JSON.
    static func requireJSON(_ request: HTTPRequest) -> HTTPResponse? {
        let type = request.header("content-type")?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            return .apiProblem(status: 415, "the body must be JSON (Content-Type: application/json)")
        }
        return nil
    }

    static func documentResponse(_ document: RenderedDocument, format: OutputFormat) -> HTTPResponse {
        switch format {
        case .pdf:
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/pdf")], body: document.bytes)
        case .html:
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: document.bytes)
        case .text:
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: document.bytes)
        case .sms:
            var headers = [("Content-Type", "text/plain; charset=utf-8")]
            if let sms = document.sms {
                headers.append(("SMS-Encoding", sms.encoding.rawValue))
                headers.append(("SMS-Segments", String(sms.segments)))
            }
            return HTTPResponse(status: 200, headers: headers, body: document.bytes)
        }
    }

    /// A rendering error as the API reports it: bad data is 400 with every problem.
    static func problem(for error: TalonError) -> HTTPResponse {
        switch error {
        case .validation(let validation):
            return .apiProblem(status: 400, "invalid data",
                               problems: validation.problems.map { Problem(path: $0.path, message: $0.reason) })
        case .unprintable(let fields):
            return .apiProblem(status: 400, "text the document's fonts cannot print",
                               problems: fields.map { Problem(path: $0.path, message: "font \($0.font) cannot print it") })
        case .template, .markup, .layout, .barcode, .input, .unsupported:
            return .apiProblem(status: 400, error.description)
        case .pdf, .fonts, .unknownTemplate, .resources, .output:
            return .apiProblem(status: 500, "the document could not be made")
        }
    }

    static func bearerToken(_ request: HTTPRequest) -> String? {
        guard let value = request.header("authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func notAllowed(_ allow: String) -> HTTPResponse {
        var response = HTTPResponse.apiProblem(status: 405, "method not allowed; use \(allow)")
        response.headers.append(("Allow", allow))
        return response
    }

    static func jsonObject(_ object: Any, status: Int = 200) -> HTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(data))
    }
}

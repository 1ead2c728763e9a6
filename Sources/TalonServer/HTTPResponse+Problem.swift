import Foundation

/// One problem in an error answer: a JSON path (as the command line prints it) and why.
public struct Problem: Sendable, Equatable, Codable {
    public var path: String?
    public var message: String

    public init(path: String? = nil, message: String) {
        self.path = path
        self.message = message
    }
}

extension HTTPResponse {
    /// An error answer: JSON for the API (`{"status":400,"error":…,"problems":[…]}`),
    /// plain text elsewhere.
    static func problem(status: Int, _ message: String, problems: [Problem] = [], for request: HTTPRequest) -> HTTPResponse {
        if request.path.hasPrefix("/api/") {
            return apiProblem(status: status, message, problems: problems)
        }
        var text = "\(status) \(message)\n"
        for problem in problems { text += (problem.path.map { "\($0): " } ?? "") + problem.message + "\n" }
        return .text(text, status: status)
    }

    /// The API's error body.
    static func apiProblem(status: Int, _ message: String, problems: [Problem] = []) -> HTTPResponse {
        struct Body: Encodable {
            var status: Int
            var error: String
            var problems: [Problem]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Body(status: status, error: message, problems: problems))) ?? Data()
        return HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(data))
    }
}

/// One thing wrong with an input document: where (a JSON path such as
/// `$.lines[3].quantity`) and why (`must be positive`).
public struct ValidationProblem: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// JSONPath of the offending value, rooted at `$`.
    public let path: String
    /// Human-readable reason, lower-case, no trailing period.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `$.product.serial: required`
    public var description: String { "\(path): \(reason)" }
}

/// All problems found in one input document, in the order they were found.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Never empty when thrown.
    public let problems: [ValidationProblem]

    public init(problems: [ValidationProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    /// Whether some problem is at exactly `path`.
    public func contains(path: String) -> Bool {
        problems.contains { $0.path == path }
    }
}

/// Standard reasons, so callers and tests can match them.
public enum ValidationReason {
    public static let required = "required"
    public static let notADate = "not a date (expected YYYY-MM-DD)"
    public static let notAnEmail = "not an e-mail address"
    public static let mustBePositive = "must be positive"
    public static let unknownKey = "unknown key"
    public static let notJSON = "not valid JSON"
}

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
    /// Never empty when thrown; at most `ProblemLog.reportedLimit` from one document.
    public let problems: [ValidationProblem]
    /// How many more problems were found but not listed.
    public let omitted: Int

    public init(problems: [ValidationProblem], omitted: Int = 0) {
        self.problems = problems
        self.omitted = omitted
    }

    /// One line per problem, then `... and 29,900 more problems` when some were left out.
    public var lines: [String] {
        problems.map(\.description) + (omitted > 0 ? ["... and \(ValidationError.grouped(omitted)) more problems"] : [])
    }

    /// One problem per line.
    public var description: String {
        lines.joined(separator: "\n")
    }

    /// `29900` as `29,900`.
    static func grouped(_ count: Int) -> String {
        var digits = String(count)
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return digits
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

import Foundation
import TalonPrimitives

/// A position in a parsed JSON document that knows its path and records problems in a
/// shared log instead of stopping at the first one (which is why Talon does not use
/// `Codable` for input: it reports every problem in one pass).
///
/// Readers return `nil` after recording a problem; the caller carries on so that later
/// fields are checked too, then `ProblemLog.finish` throws everything at once.
public struct JSONCursor {
    /// The value here; `nil` when the key is absent (or the parent was not an object).
    public let value: JSONValue?
    /// JSONPath of this value, e.g. `$.lines[3].quantity`. Built when asked for: most
    /// cursors never report a problem, so reading a valid document makes no paths.
    public var path: String {
        switch step {
        case .none: return base
        case .key(let key): return base + JSONCursor.pathComponent(key)
        case .index(let index): return "\(base)[\(index)]"
        }
    }
    /// Where problems go.
    public let log: ProblemLog
    /// The path of the parent (or the whole path when `step` is `.none`).
    private let base: String
    /// The last step of the path, from `base` to this value.
    private let step: Step

    private enum Step {
        case none
        case key(String)
        case index(Int)
    }

    public init(root: JSONValue, log: ProblemLog) {
        self.init(value: root, path: "$", log: log)
    }

    init(value: JSONValue?, path: String, log: ProblemLog) {
        self.value = value
        self.base = path
        self.step = .none
        self.log = log
    }

    private init(value: JSONValue?, parent: String, step: Step, log: ProblemLog) {
        self.value = value
        self.base = parent
        self.step = step
        self.log = log
    }

    /// The member `key` of this object (absent when this is not an object).
    public subscript(key: String) -> JSONCursor {
        var member: JSONValue?
        if case .object(let pairs) = value {
            member = pairs.first(where: { $0.key == key })?.value
        }
        return JSONCursor(value: member, parent: path, step: .key(key), log: log)
    }

    static func pathComponent(_ key: String) -> String {
        let plain = !key.isEmpty && !(key.first?.isNumber ?? true) && key.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
        }
        if plain { return "." + key }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return "['\(escaped)']"
    }

    /// Whether the value is absent or JSON `null`.
    public var isMissing: Bool {
        switch value {
        case nil, .null?: true
        default: false
        }
    }

    /// Records a problem at this path.
    public func report(_ reason: String) {
        log.add(ValidationProblem(path: path, reason: reason))
    }

    /// Records a problem at a member of this value.
    public func report(_ reason: String, at key: String) {
        self[key].report(reason)
    }

    /// Checks that this is an object whose keys are all in `keys` (each unknown key is a
    /// problem). Returns `self` when it is an object; `nil` after reporting otherwise
    /// (`required` when absent and required).
    @discardableResult
    public func object(required: Bool, keys: [String]) -> JSONCursor? {
        guard case .object(let pairs)? = value else {
            if isMissing {
                if required { report(ValidationReason.required) }
            } else {
                report("must be an object, not \(value?.typeName ?? "null")")
            }
            return nil
        }
        let parent = path
        for pair in pairs where !keys.contains(pair.key) {
            // Built from the pair itself: looking each key up again was quadratic.
            log.add(ValidationProblem(path: parent + JSONCursor.pathComponent(pair.key), reason: ValidationReason.unknownKey))
        }
        // Its members are read next: give them this path made once, not once per member.
        return JSONCursor(value: value, path: parent, log: log)
    }

    /// The elements of an array (empty array when absent and not required).
    public func array(required: Bool, nonEmpty: Bool = false) -> [JSONCursor]? {
        guard case .array(let items)? = value else {
            if isMissing {
                if required { report(ValidationReason.required) }
            } else {
                report("must be an array, not \(value?.typeName ?? "null")")
            }
            return nil
        }
        if nonEmpty && items.isEmpty {
            report("must not be empty")
        }
        let parent = path
        return items.enumerated().map { index, item in
            JSONCursor(value: item, parent: parent, step: .index(index), log: log)
        }
    }
}

/// The problems collected while reading one document. A reference type so every cursor
/// derived from the root writes to the same list; confined to one decoding call.
///
/// Only the first `reportedLimit` problems are kept; later ones are counted, so a document
/// with a million bad lines is reported in linear time and a bounded message.
public final class ProblemLog {
    /// How many problems are kept and reported one by one.
    public static let reportedLimit = 100

    public private(set) var problems: [ValidationProblem] = []
    /// Problems found beyond `reportedLimit`.
    public private(set) var omitted = 0
    private var seen: Set<ValidationProblem> = []
    /// Hashes of the omitted problems, so one reported twice is counted once.
    private var omittedHashes: Set<Int> = []

    public init() {}

    public func add(_ problem: ValidationProblem) {
        if problems.count < Self.reportedLimit {
            if seen.insert(problem).inserted { problems.append(problem) }
        } else if !seen.contains(problem), omittedHashes.insert(problem.hashValue).inserted {
            omitted += 1
        }
    }

    /// Throws all problems if there are any.
    public func finish() throws(ValidationError) {
        if !problems.isEmpty {
            throw ValidationError(problems: problems, omitted: omitted)
        }
    }
}

/// A log belongs to one decoding call on one task.
@available(*, unavailable)
extension ProblemLog: Sendable {}

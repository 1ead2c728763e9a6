import Foundation

/// A parsed JSON value. Numbers keep their decimal text so money and quantities are
/// read exactly, never through `Double` arithmetic.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's shortest decimal text, e.g. `"1.5"`, `"12345"`, `"1e-07"`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in sorted order (JSONSerialization does not keep the source order).
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// Parses JSON text (UTF-8). Throws `ValidationError` with a problem at `$`.
    public static func parse(_ data: Data) throws(ValidationError) -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            let reason = ValidationReason.notJSON + (detail.map { " (\($0))" } ?? "")
            throw ValidationError(problems: [ValidationProblem(path: "$", reason: reason)])
        }
        return JSONValue(foundation: object)
    }

    /// Converts JSONSerialization output.
    init(foundation object: Any) {
        // Collections and strings first: asking a Swift collection `as NSNumber` bridges
        // the whole collection to Foundation, which made decoding several times slower.
        switch object {
        case let text as String:
            self = .string(text)
        case let map as [String: Any]:
            self = .object(map.sorted { $0.key < $1.key }.map { (key: $0.key, value: JSONValue(foundation: $0.value)) })
        case let list as [Any]:
            self = .array(list.map(JSONValue.init(foundation:)))
        case is NSNull:
            self = .null
        case let number as NSNumber:
            let type = String(cString: number.objCType)
            if type == "c" || type == "B" {
                self = .bool(number.boolValue)
            } else if type == "d" || type == "f" {
                self = .number(String(describing: number.doubleValue))
            } else if type == "Q" {
                self = .number(String(number.uint64Value))
            } else {
                self = .number(String(number.int64Value))
            }
        default:
            self = .null
        }
    }

    /// A short name of the value's type for messages ("a string", "an object").
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

import Foundation
import TalonPrimitives
import Warranty

/// Setting values inside parsed JSON, keeping object keys sorted (as parsing leaves them)
/// so the same data always serializes to the same bytes.
extension JSONValue {
    /// The value at `path` of object keys, if every step is an object holding the key.
    func value(at path: [String]) -> JSONValue? {
        guard let first = path.first else { return self }
        guard case .object(let pairs) = self, let member = pairs.first(where: { $0.key == first }) else { return nil }
        return member.value.value(at: Array(path.dropFirst()))
    }

    /// Sets `value` at `path`, creating objects on the way; a non-object on the way is replaced.
    func setting(_ value: JSONValue, at path: [String]) -> JSONValue {
        guard let first = path.first else { return value }
        var pairs: [(key: String, value: JSONValue)] = []
        if case .object(let existing) = self { pairs = existing }
        let child = pairs.first(where: { $0.key == first })?.value ?? .object([])
        let updated = child.setting(value, at: Array(path.dropFirst()))
        pairs.removeAll { $0.key == first }
        pairs.append((first, updated))
        pairs.sort { $0.key < $1.key }
        return .object(pairs)
    }

    var stringValue: String? { if case .string(let text) = self { text } else { nil } }

    /// Compact, deterministic JSON bytes.
    var data: Data { Data(serializedBytes(pretty: false)) }
}

import Foundation
import TalonPrimitives
import Warranty

/// Turns CSV rows into JSON records. The header row names each column's field by a dotted
/// path (`product.serial` → `{"product": {"serial": …}}`).
///
/// Cell rules:
/// - An empty cell leaves the field out (so optional fields can be left blank).
/// - Every other cell is a JSON string, except where the document kind's schema says the
///   field is numeric or boolean: a cell that is a plain decimal number (`36`, `-2`, `1.5`;
///   an integer-only field takes integers only) becomes a JSON number, and `true` / `false`
///   in a boolean field a JSON boolean. Anything else stays a string, so validation
///   reports it at its path (`$.product.warranty_months: must be a whole number`).
/// - Without a document kind (a custom template) every cell is a string.
/// Arrays cannot be written in CSV; use JSON Lines for records that need them.
struct CSVRecordMapper {
    enum FieldType { case integer, number, boolean }

    let columns: [[String]]
    let types: [String: FieldType]

    /// The most dots a column name may have beyond the first level (no document nests this
    /// deep); deeper headers are refused before anything is built from them.
    static let maximumDepth = 16

    /// Checks the header: no empty or duplicate names, no column inside another's value, no
    /// nesting deeper than `maximumDepth`, and (with a document kind) only the kind's fields.
    init(header: [String], kind: DocumentKind?, inputName: String) throws(TalonError) {
        var columns: [[String]] = []
        var seen: Set<String> = []
        for (index, name) in header.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            let path = trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !trimmed.isEmpty, !path.contains(where: \.isEmpty) else {
                throw .input(path: inputName, reason: "CSV header: column \(index + 1) ('\(name)') is not a dotted field path")
            }
            guard path.count <= Self.maximumDepth else {
                throw .input(path: inputName, reason: "CSV header: column \(index + 1) is nested deeper than \(Self.maximumDepth) levels")
            }
            guard seen.insert(trimmed).inserted else {
                throw .input(path: inputName, reason: "CSV header: column '\(trimmed)' appears twice")
            }
            columns.append(path)
        }
        for path in columns {
            var prefix = ""
            for component in path.dropLast() {
                prefix += prefix.isEmpty ? component : "." + component
                if seen.contains(prefix) {
                    throw .input(path: inputName, reason: "CSV header: column '\(path.joined(separator: "."))' is inside column '\(prefix)'")
                }
            }
        }
        if let kind {
            let known = Self.topLevelFields(of: kind.schema)
            let unknown = columns.filter { !known.contains($0[0]) }.map { $0.joined(separator: ".") }
            if let first = unknown.first {
                let what = unknown.count > 1 ? "columns '\(first)' and \(unknown.count - 1) more are not fields" : "column '\(first)' is not a field"
                throw .input(path: inputName, reason: "CSV header: \(what) of \(kind.rawValue) (see 'talon schema \(kind.rawValue)')")
            }
        }
        self.columns = columns
        self.types = kind.map { Self.fieldTypes(in: $0.schema) } ?? [:]
    }

    /// The record of one data row; a row with the wrong number of fields is a problem at `$`.
    func record(_ row: CSVRow) -> Result<JSONValue, ValidationError> {
        if let problem = row.problem {
            return .failure(ValidationError(problems: [ValidationProblem(path: "$", reason: problem)]))
        }
        guard row.fields.count == columns.count else {
            let reason = "expected \(columns.count) fields as in the header, found \(row.fields.count)"
            return .failure(ValidationError(problems: [ValidationProblem(path: "$", reason: reason)]))
        }
        var root = Node()
        for (path, cell) in zip(columns, row.fields) where !cell.isEmpty {
            root.insert(value(cell, at: path.joined(separator: ".")), at: path[...])
        }
        return .success(root.json)
    }

    /// The names of a schema's top-level properties.
    static func topLevelFields(of schema: JSONValue) -> Set<String> {
        guard case .object(let pairs) = schema, case .object(let properties)? = pairs.first(where: { $0.key == "properties" })?.value
        else { return [] }
        return Set(properties.map(\.key))
    }

    func value(_ cell: String, at path: String) -> JSONValue {
        switch types[path] {
        case .integer? where Self.isInteger(cell): .number(cell)
        case .number? where Self.isInteger(cell) || Self.isDecimal(cell): .number(cell)
        case .boolean? where cell == "true" || cell == "false": .bool(cell == "true")
        default: .string(cell)
        }
    }

    static func isInteger(_ text: String) -> Bool {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { (48...57).contains($0) }
            && (digits.count == 1 || digits.first != 48)
    }

    static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, isInteger(String(parts[0])) else { return false }
        return !parts[1].isEmpty && parts[1].utf8.allSatisfy { (48...57).contains($0) }
    }

    /// Dotted paths of the numeric and boolean fields of a schema (`type`, or any of `oneOf`).
    static func fieldTypes(in schema: JSONValue) -> [String: FieldType] {
        var types: [String: FieldType] = [:]
        func member(_ value: JSONValue, _ key: String) -> JSONValue? {
            guard case .object(let pairs) = value else { return nil }
            return pairs.first { $0.key == key }?.value
        }
        func typeNames(_ value: JSONValue) -> [String] {
            var names: [String] = []
            if case .string(let name)? = member(value, "type") { names.append(name) }
            if case .array(let options)? = member(value, "oneOf") { names += options.flatMap(typeNames) }
            return names
        }
        func walk(_ value: JSONValue, prefix: String) {
            if case .object(let properties)? = member(value, "properties") {
                for property in properties {
                    let path = prefix.isEmpty ? property.key : prefix + "." + property.key
                    walk(property.value, prefix: path)
                }
                return
            }
            let names = typeNames(value)
            if names.contains("number") {
                types[prefix] = .number
            } else if names.contains("integer") {
                types[prefix] = .integer
            } else if names.contains("boolean") {
                types[prefix] = .boolean
            }
        }
        walk(schema, prefix: "")
        return types
    }
}

/// A JSON object under construction, keyed by path components.
private struct Node {
    var children: [String: Node] = [:]
    var leaf: JSONValue?

    mutating func insert(_ value: JSONValue, at path: ArraySlice<String>) {
        guard let first = path.first else {
            leaf = value
            return
        }
        children[first, default: Node()].insert(value, at: path.dropFirst())
    }

    var json: JSONValue {
        if let leaf { return leaf }
        return .object(children.keys.sorted().map { (key: $0, value: children[$0]?.json ?? .null) })
    }
}

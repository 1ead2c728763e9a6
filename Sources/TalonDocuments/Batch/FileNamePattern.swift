import Foundation
import TalonPrimitives
import Warranty

/// How a batch names each record's PDF: literal text with fields in braces, e.g.
/// `{card.number}.pdf` or `{claim.rma}-{claim.customer.name}.pdf`. A field is a dotted
/// path into the record's JSON; `{#}` is the record number. `.pdf` is added when the
/// pattern does not end with it.
///
/// Inserted values are sanitised for file names: `/`, `\`, control characters and
/// bidirectional controls (U+202E) are removed; every other character is kept (Cyrillic
/// included). Leading dots and white space are removed from the finished name, so a record
/// cannot write a hidden file or `..`, nor white space before `.pdf`. A name may be at most
/// 255 bytes of UTF-8.
public struct FileNamePattern: Sendable, Equatable, CustomStringConvertible {
    enum Part: Sendable, Equatable {
        case literal(String)
        case field([String])
        case recordNumber
    }

    let parts: [Part]
    /// The pattern as written.
    public let description: String

    /// Parses a pattern. Throws when a brace is not closed, a field is empty, or the
    /// literal text holds a path separator.
    public init(_ text: String) throws(FileNamePatternError) {
        var parts: [Part] = []
        var rest = Substring(text.hasSuffix(".pdf") ? text : text + ".pdf")
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                throw FileNamePatternError(pattern: text, reason: "unmatched '\(rest[open])'")
            }
            let name = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if name == "#" {
                parts.append(.recordNumber)
            } else {
                let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard !name.isEmpty, !path.contains(where: \.isEmpty), !name.contains("{") else {
                    throw FileNamePatternError(pattern: text, reason: "'{\(name)}' is not a dotted field path")
                }
                parts.append(.field(path))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        for case .literal(let literal) in parts where literal.contains("/") || literal.contains("\\") {
            throw FileNamePatternError(pattern: text, reason: "a file name cannot contain '/' or '\\'")
        }
        self.parts = parts
        self.description = text
    }

    /// The default: `{card.number}.pdf` for warranty cards, `{claim.rma}.pdf` for the
    /// service documents, `{#}.pdf` (the record number) for a template without a kind.
    public static func defaultPattern(for kind: DocumentKind?) -> FileNamePattern {
        let text = switch kind {
        case .warrantyCard?: "{card.number}.pdf"
        case nil: "{#}.pdf"
        default: "{claim.rma}.pdf"
        }
        // The literal patterns above are valid.
        return (try? FileNamePattern(text)) ?? FileNamePattern(parts: [.recordNumber, .literal(".pdf")], description: text)
    }

    private init(parts: [Part], description: String) {
        self.parts = parts
        self.description = description
    }

    /// The file name for a record, or the problem that prevents one.
    public func fileName(for value: JSONValue, record: Int) -> Result<String, BatchProblem> {
        var name = ""
        for part in parts {
            switch part {
            case .literal(let text): name += text
            case .recordNumber: name += String(record)
            case .field(let path):
                guard let text = Self.text(at: path[...], in: value) else {
                    return .failure(.nameField(path.joined(separator: ".")))
                }
                name += Self.sanitised(text)
            }
        }
        // Leading white space and dots, and white space before the extension, are dropped:
        // " x.pdf" and "x .pdf" look like "x.pdf" in a listing.
        name = String(name.drop { $0 == "." || $0.isWhitespace })
        if name.hasSuffix(".pdf") {
            name = String(name.dropLast(4).reversed().drop(while: \.isWhitespace).reversed()) + ".pdf"
        }
        // Every pattern ends with ".pdf"; if the dots were all there was, nothing is left before it.
        if !name.hasSuffix(".pdf") || name == ".pdf" {
            return .failure(.invalidName("the name is empty once sanitised"))
        }
        if name.utf8.count > 255 {
            return .failure(.invalidName("'\(name.prefix(40))…' is longer than 255 bytes"))
        }
        return .success(name)
    }

    /// The text with `/`, `\` and control characters removed.
    public static func sanitised(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isRemoved(scalar) { result.append(scalar) }
        return String(result)
    }

    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "/" || scalar == "\\" || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || scalar.properties.generalCategory == .control
            // Bidirectional overrides, embeddings, isolates and marks (U+202E makes
            // "x‮fdp.exe" read as "xexe.pdf").
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }

    static func text(at path: ArraySlice<String>, in value: JSONValue) -> String? {
        guard let key = path.first else {
            switch value {
            case .string(let text): return text
            case .number(let text): return text
            default: return nil
            }
        }
        guard case .object(let pairs) = value, let child = pairs.first(where: { $0.key == key }) else { return nil }
        return text(at: path.dropFirst(), in: child.value)
    }
}

/// A file-name pattern that cannot be used.
public struct FileNamePatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as given.
    public var pattern: String
    /// What is wrong with it.
    public var reason: String

    /// `invalid name pattern '{card.number': unmatched '{'`
    public var description: String { "invalid name pattern '\(pattern)': \(reason)" }
}

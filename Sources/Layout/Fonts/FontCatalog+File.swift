import Foundation

/// Why a font catalogue could not be read or a family not provided.
public enum FontCatalogError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The file is not JSON.
    case invalidJSON(source: String, reason: String)
    /// A value is missing, of the wrong type, or unknown, at a JSON path such as
    /// `families["DejaVu Sans"].bold`.
    case invalidEntry(source: String, jsonPath: String, reason: String)
    /// No family of that name; `known` lists the catalogue's families.
    case unknownFamily(String, known: [String])
    /// A face file listed at `jsonPath` could not be read as a TrueType font.
    case font(source: String, jsonPath: String, FontError)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): error: cannot read font catalogue: \(reason)"
        case .invalidJSON(let source, let reason): "\(source): error: not valid JSON: \(reason)"
        case .invalidEntry(let source, let jsonPath, let reason): "\(source): \(jsonPath): error: \(reason)"
        case .unknownFamily(let name, let known):
            "unknown font family '\(name)'; the catalogue has: \(known.joined(separator: ", "))"
        case .font(let source, let jsonPath, let error): "\(source): \(jsonPath): error: \(error)"
        }
    }
}

/// The catalogue's JSON, checked key by key (unknown keys are errors, not ignored).
struct CatalogFile {
    struct Faces {
        var regular: String
        var bold: String?
        var italic: String?
        var boldItalic: String?
    }

    var families: [String: Faces] = [:]
    var defaultFamily: String?

    init(json: Data, source: String) throws(FontCatalogError) {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw .invalidJSON(source: source, reason: "\(error.localizedDescription)")
        }
        func fail(_ path: String, _ reason: String) -> FontCatalogError {
            .invalidEntry(source: source, jsonPath: path, reason: reason)
        }
        guard let top = root as? [String: Any] else { throw fail("$", "expected an object") }
        for key in top.keys where !["families", "default", "comment"].contains(key) {
            throw fail(key, "unknown key (expected families, default, comment)")
        }
        if let value = top["default"] {
            guard let name = value as? String else { throw fail("default", "expected a family name") }
            defaultFamily = name
        }
        guard let list = top["families"] as? [String: Any] else {
            throw fail("families", "expected an object of family name → faces")
        }
        for (name, value) in list {
            let path = "families[\"\(name)\"]"
            guard !name.isEmpty else { throw fail(path, "empty family name") }
            guard let faces = value as? [String: Any] else { throw fail(path, "expected an object of faces") }
            var files: [String: String] = [:]
            for (role, file) in faces {
                guard ["regular", "bold", "italic", "boldItalic"].contains(role) else {
                    throw fail("\(path).\(role)", "unknown face (expected regular, bold, italic, boldItalic)")
                }
                guard let file = file as? String, !file.isEmpty else { throw fail("\(path).\(role)", "expected a file path") }
                files[role] = file
            }
            guard let regular = files["regular"] else { throw fail("\(path).regular", "missing (required)") }
            families[name] = Faces(regular: regular, bold: files["bold"], italic: files["italic"],
                                   boldItalic: files["boldItalic"])
        }
    }
}

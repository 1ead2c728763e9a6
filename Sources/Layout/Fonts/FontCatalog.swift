import Foundation

/// The fonts a document may name, read from a JSON catalogue (format: Fonts/README.md):
/// family name → files of its regular, bold, italic and bold italic faces.
///
/// Faces are read lazily, once, on first use, and shared by every later lookup.
/// `@unchecked Sendable` is safe: the catalogue's entries are immutable after `init`, and
/// the only mutable state (the caches of loaded faces and families) is read and written
/// exclusively while holding `lock`; the cached `TrueTypeFont`s are immutable classes.
public final class FontCatalog: @unchecked Sendable {
    /// The files of one family, resolved to absolute paths.
    public struct Entry: Sendable, Equatable {
        public var regular: String
        public var bold: String
        public var italic: String
        public var boldItalic: String
    }

    /// Where the catalogue was read from (used in error messages).
    public let source: String
    /// Family names as written in the catalogue.
    public let entries: [String: Entry]
    /// The family used when a document names none, if the catalogue says.
    public let defaultFamily: String?

    private let lock = NSLock()
    private var faces: [String: TrueTypeFont] = [:]
    private var families: [String: FontFamily] = [:]

    /// Reads a catalogue file; relative font paths resolve against its folder.
    public convenience init(contentsOf url: URL) throws(FontCatalogError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(json: data, source: url.path, baseDirectory: url.deletingLastPathComponent())
    }

    /// Reads a catalogue from JSON text; relative font paths resolve against `baseDirectory`.
    public init(json: Data, source: String, baseDirectory: URL) throws(FontCatalogError) {
        self.source = source
        let parsed = try CatalogFile(json: json, source: source)
        var entries: [String: Entry] = [:]
        for (name, faces) in parsed.families {
            func resolve(_ path: String) -> String {
                path.hasPrefix("/") ? path : baseDirectory.appendingPathComponent(path).standardizedFileURL.path
            }
            let regular = resolve(faces.regular)
            let bold = faces.bold.map(resolve) ?? regular
            entries[name] = Entry(regular: regular, bold: bold,
                                  italic: faces.italic.map(resolve) ?? regular,
                                  boldItalic: faces.boldItalic.map(resolve) ?? bold)
        }
        if let name = parsed.defaultFamily, entries[name] == nil {
            throw .invalidEntry(source: source, jsonPath: "default",
                                reason: "names the family '\(name)', which the catalogue does not list")
        }
        self.entries = entries
        defaultFamily = parsed.defaultFamily
    }

    /// Family names, sorted.
    public var familyNames: [String] { entries.keys.sorted() }

    /// The family called `name` (exact, else case-insensitive match), its faces loaded.
    /// - Throws: `FontCatalogError.unknownFamily` listing the known families, or
    ///   `.font` when a face file cannot be read.
    public func family(named name: String) throws(FontCatalogError) -> FontFamily {
        guard let key = entries[name] != nil ? name
                : entries.keys.sorted().first(where: { $0.caseInsensitiveCompare(name) == .orderedSame }),
              let entry = entries[key] else {
            throw .unknownFamily(name, known: familyNames)
        }
        lock.lock()
        defer { lock.unlock() }
        if let family = families[key] { return family }
        let family = FontFamily(name: key,
                                regular: try face(entry.regular, family: key, role: "regular"),
                                bold: try face(entry.bold, family: key, role: "bold"),
                                italic: try face(entry.italic, family: key, role: "italic"),
                                boldItalic: try face(entry.boldItalic, family: key, role: "boldItalic"))
        families[key] = family
        return family
    }

    /// Loads a face file once; the caller holds `lock`.
    private func face(_ path: String, family: String, role: String) throws(FontCatalogError) -> TrueTypeFont {
        if let font = faces[path] { return font }
        do {
            let font = try TrueTypeFont(contentsOf: path)
            faces[path] = font
            return font
        } catch {
            throw .font(source: source, jsonPath: "families[\"\(family)\"].\(role)", error)
        }
    }
}

import Foundation

/// The template files a document was made with: every file of the locale's template folder
/// (the document, its partials) and the business calendars, by path relative to the
/// templates folder. Stored once per hash, so a reprint uses exactly those templates even
/// after the installed ones change.
public struct TemplateSet: Sendable, Hashable {
    /// Relative path → content, e.g. `en/invoice.mustache`, `en/partials/layout.mustache`.
    public var files: [String: [UInt8]]
    /// SHA-256 over the paths and contents in path order.
    public var hash: String

    public init(files: [String: [UInt8]]) {
        self.files = files
        var hasher = SHA256.Hasher()
        for path in files.keys.sorted() {
            let content = files[path] ?? []
            hasher.update(Array("\(path)\u{0}\(content.count)\u{0}".utf8))
            hasher.update(content)
        }
        hash = hasher.finalizeHex()
    }

    /// Reads the documents `<templates>/*.mustache`, `partials/**`, `locales/**` and
    /// `calendars/*` (and `<templates>/<locale>/**` where an older layout has it).
    static func read(templates: URL, locale: String) throws(JournalError) -> TemplateSet {
        var files: [String: [UInt8]] = [:]
        let top = (try? FileManager.default.contentsOfDirectory(atPath: templates.path)) ?? []
        for name in top where name.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: templates.appendingPathComponent(name).path) else {
                throw .input(path: templates.appendingPathComponent(name).path, reason: "cannot read template file")
            }
            files[name] = Array(data)
        }
        for folder in [locale, "partials", "locales", "calendars"] {
            let root = templates.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = root.appendingPathComponent(relative).path
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw .input(path: path, reason: "cannot read template file")
                }
                files["\(folder)/\(relative)"] = Array(data)
            }
        }
        return TemplateSet(files: files)
    }

    /// Writes the files under `folder` (a fresh temporary folder).
    func materialize(in folder: URL) throws(JournalError) {
        for (relative, content) in files {
            guard !relative.split(separator: "/").contains("..") else {
                throw .corrupt(path: relative, reason: "template path leaves its folder")
            }
            let url = folder.appendingPathComponent(relative)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content).write(to: url)
            } catch {
                throw .store("cannot write template \(relative) for a reprint: \(error.localizedDescription)")
            }
        }
    }
}

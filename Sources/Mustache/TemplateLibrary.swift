import Foundation
import TalonPrimitives
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Templates found by name in an ordered list of directories (`<dir>/<name>.mustache`, names
/// may hold `/` for subfolders) and/or in memory. Each template is compiled once and cached.
///
/// A name that would leave the directories (`..`, an absolute path, a symlink pointing out)
/// is an error, and so is a name that is found nowhere.
///
/// `@unchecked Sendable` is safe: every stored property is an immutable `let` of a `Sendable`
/// type except `cache`, which is only read or written while `lock` is held.
public final class TemplateLibrary: PartialSource, @unchecked Sendable {
    /// The template directories, searched in order.
    public let directories: [URL]
    /// The formatters every template of the library is compiled with.
    public let formatters: FormatterSet
    private let sources: [String: String]
    private let realDirectories: [String]
    private let lock = NSLock()
    private var cache: [String: Template] = [:]

    /// - Parameters:
    ///   - directories: searched in order for `<name>.mustache`.
    ///   - templates: in-memory sources by name, found before any directory.
    ///   - formatters: used to compile every template.
    public init(directories: [URL] = [], templates: [String: String] = [:], formatters: FormatterSet = .standard) {
        self.directories = directories
        self.sources = templates
        self.formatters = formatters
        self.realDirectories = directories.map { TemplateLibrary.realPath($0.path) ?? $0.standardizedFileURL.path }
    }

    /// The template with that name.
    /// - Throws: `TemplateError` when it is missing (`.missingPartial`), outside the
    ///   directories, unreadable or malformed.
    public func template(named name: String) throws(TemplateError) -> Template {
        guard let template = try partial(named: name) else {
            throw TemplateError(kind: .missingPartial(name), location: SourceLocation(file: name, line: 1, column: 1),
                                message: "template '\(name)' not found" + searchedText)
        }
        return template
    }

    /// Renders the named template with this library as the source of its partials.
    public func render(name: String, data: TemplateValue, options: RenderOptions = RenderOptions()) throws(TemplateError) -> String {
        try template(named: name).render(data, partials: self, options: options)
    }

    /// Renders the named template into UTF-8 bytes (see `Template.renderUTF8`).
    public func renderUTF8(name: String, data: TemplateValue, options: RenderOptions = RenderOptions()) throws(TemplateError)
        -> [UInt8] {
        try template(named: name).renderUTF8(data, partials: self, options: options)
    }

    public func partial(named name: String) throws(TemplateError) -> Template? {
        lock.lock()
        let cached = cache[name]
        lock.unlock()
        if let cached { return cached }
        guard let (source, file) = try source(named: name) else { return nil }
        let (template, errors) = Template.compile(source: source, name: file, formatters: formatters)
        guard let template, errors.isEmpty else {
            throw errors.first ?? TemplateError(kind: .syntax, location: SourceLocation(file: file, line: 1, column: 1),
                                                message: "template could not be compiled")
        }
        lock.lock()
        cache[name] = template
        lock.unlock()
        return template
    }

    /// Loads a template with all its partials and parents, recursively, and returns every
    /// error found (an empty list means the template is fine). For `talon check`.
    public func check(name: String) -> [TemplateError] {
        var checker = Checker(library: self)
        checker.visit(name, from: nil)
        return checker.errors
    }

    /// Checks a template given as text (e.g. a file named on the command line) and every
    /// partial and parent it reaches in this library.
    public func check(source: String, name: String) -> [TemplateError] {
        var checker = Checker(library: self)
        checker.visit(source: source, file: name)
        return checker.errors
    }

    /// Walks a template and everything it includes, once each, collecting errors.
    private struct Checker {
        let library: TemplateLibrary
        var errors: [TemplateError] = []
        var visited: Set<String> = []

        mutating func visit(_ name: String, from referrer: (lines: LineTable, offset: Int)?) {
            guard visited.insert(name).inserted else { return }
            func locate(_ kind: TemplateError.Kind, _ message: String) -> TemplateError {
                if let referrer { return referrer.lines.error(kind, at: referrer.offset, message) }
                return TemplateError(kind: kind, location: SourceLocation(file: name, line: 1, column: 1), message: message)
            }
            let loaded: (source: String, file: String)?
            do {
                loaded = try library.source(named: name)
            } catch {
                errors.append(locate(error.kind, error.message))
                return
            }
            guard let loaded else {
                let what = referrer == nil ? "template" : "partial"
                errors.append(locate(.missingPartial(name), "\(what) '\(name)' not found" + library.searchedText))
                return
            }
            visit(source: loaded.source, file: loaded.file)
        }

        mutating func visit(source: String, file: String) {
            let (template, found) = Template.compile(source: source, name: file, formatters: library.formatters)
            errors += found
            let lines: LineTable
            let references: [(name: String, offset: Int)]
            if let template {
                lines = template.unit.lines
                references = template.referenceOffsets
            } else {
                // A syntax error stopped the parse: the partials named in the tags are still checked.
                lines = LineTable(file: file, bytes: Array(source.utf8))
                references = TemplateParser(bytes: lines.bytes, lines: lines, formatters: library.formatters)
                    .partialReferences()
            }
            for reference in references {
                visit(reference.name, from: (lines, reference.offset))
            }
        }
    }

    fileprivate var searchedText: String {
        directories.isEmpty ? "" : " (searched \(directories.map(\.path).joined(separator: ", ")))"
    }

    /// The source and file name of a template, nil when no directory has it.
    fileprivate func source(named name: String) throws(TemplateError) -> (String, String)? {
        try Self.validate(name)
        if let source = sources[name] { return (source, name) }
        let file = name + ".mustache"
        for directory in realDirectories {
            let candidate = directory + "/" + file
            guard FileManager.default.fileExists(atPath: candidate) else { continue }
            guard let real = Self.realPath(candidate), real.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/") else {
                throw TemplateError(kind: .partialOutsideDirectories(name), location: SourceLocation(file: name, line: 1, column: 1),
                                    message: "template '\(name)' resolves outside the template directories")
            }
            guard let data = FileManager.default.contents(atPath: real) else {
                throw TemplateError(kind: .unreadable(name), location: SourceLocation(file: file, line: 1, column: 1),
                                    message: "cannot read template file '\(real)'")
            }
            return (String(decoding: data, as: UTF8.self), file)
        }
        return nil
    }

    /// Refuses names that could leave the template directories.
    static func validate(_ name: String) throws(TemplateError) {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        let bad = name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains("\0")
            || components.contains { $0.isEmpty || $0 == "." || $0 == ".." }
        if bad {
            throw TemplateError(kind: .partialOutsideDirectories(name), location: SourceLocation(file: name, line: 1, column: 1),
                                message: "template name '\(name)' must be a relative path inside the template directories "
                                + "(no '..', '.', empty parts or leading '/')")
        }
    }

    /// The canonical path with every symlink resolved, nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

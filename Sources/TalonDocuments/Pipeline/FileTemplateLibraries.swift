import Foundation
import Mustache
import Warranty

/// The template libraries of template files, one per (file folder, locale), kept for the
/// renderer's lifetime so a batch over a custom template reads and compiles it once, not
/// once per record.
///
/// `@unchecked Sendable`: `libraries` is only read or written while `lock` is held, and
/// TemplateLibrary is itself Sendable.
final class FileTemplateLibraries: @unchecked Sendable {
    private let lock = NSLock()
    private var libraries: [String: TemplateLibrary] = [:]

    /// The library that finds partials beside the template file first, then among the
    /// built-in templates of the locale (`builtInFolder`).
    func library(for templateFile: URL, builtInFolder: URL) -> TemplateLibrary {
        let folder = templateFile.deletingLastPathComponent()
        let key = folder.path + "\n" + builtInFolder.path
        lock.lock()
        defer { lock.unlock() }
        if let library = libraries[key] { return library }
        let library = TemplateLibrary(directories: [folder, builtInFolder])
        libraries[key] = library
        return library
    }
}

import Foundation

/// Where Talon finds its built-in templates and font catalogue.
///
/// Templates: the `--templates` folder if given, then `$TALON_TEMPLATES`, then the
/// installed set (`<prefix>/share/talon/Templates` beside `<prefix>/bin/talon`), then the
/// source tree the binary was built from (for `swift run` and tests).
/// Fonts: `$TALON_FONTS`, then `Fonts/` beside the templates folder in the same places.
public struct ResourceLocator: Sendable, Equatable {
    /// The folder holding `<locale>/<template>.mustache` and `calendars/`.
    public var templates: URL
    /// The font catalogue file (`catalogue.json`).
    public var fontCatalogue: URL

    /// Resources at known places (a server that ships its own templates).
    public init(templates: URL, fontCatalogue: URL) {
        self.templates = templates
        self.fontCatalogue = fontCatalogue
    }

    /// The path of the running program: `/proc/self/exe`, so `talon` found through `PATH`
    /// (whose `argv[0]` has no folder) still finds its installed resources.
    public static var runningExecutable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments.first ?? ""
    }

    /// Finds the resources as described above.
    public static func discover(
        templates explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = ResourceLocator.runningExecutable
    ) throws(TalonError) -> ResourceLocator {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        let executableURL = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let prefix = executableURL.deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(prefix.appendingPathComponent("share/talon"))
        // .build/<config>/talon or .build/<triple>/<config>/talon inside the source tree.
        var folder = executableURL.deletingLastPathComponent()
        for _ in 0..<4 {
            folder.deleteLastPathComponent()
            candidates.append(folder)
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        let roots = candidates.filter { fileManager.fileExists(atPath: $0.appendingPathComponent("Templates").path) }

        let templates: URL
        if let path = explicit ?? environment["TALON_TEMPLATES"] {
            templates = URL(fileURLWithPath: path)
            guard fileManager.fileExists(atPath: templates.path) else {
                throw .resources("template folder \(path) does not exist")
            }
        } else if let root = roots.first {
            templates = root.appendingPathComponent("Templates")
        } else {
            throw .resources("no Templates folder found; pass --templates <dir> or set TALON_TEMPLATES")
        }

        let fonts: URL
        if let path = environment["TALON_FONTS"] {
            fonts = URL(fileURLWithPath: path)
        } else if let root = ([templates.deletingLastPathComponent()] + roots).first(where: {
            fileManager.fileExists(atPath: $0.appendingPathComponent("Fonts/catalogue.json").path)
        }) {
            fonts = root.appendingPathComponent("Fonts/catalogue.json")
        } else {
            throw .resources("no font catalogue (Fonts/catalogue.json) found; set TALON_FONTS")
        }
        return ResourceLocator(templates: templates, fontCatalogue: fonts)
    }
}

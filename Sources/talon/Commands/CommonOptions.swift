import Foundation
import Synchronization
import TalonDocuments
import Warranty

/// Options several commands take, declared once and decoded the same way everywhere.
enum CommonOptions {
    /// `--locale <tag>`: a language the templates have a catalogue for. When the templates
    /// cannot be found, making the renderer reports that.
    static func locale(_ option: CommandSpec.Option, _ arguments: ParsedArguments) throws(CLIError) -> TalonLocale? {
        guard arguments.text(option) != nil else { return nil }
        let known = DocumentRenderer.locales(templates: arguments.text(templates))
        return try arguments.value(option, expected: "one of: " + known.map(\.rawValue).joined(separator: ", ")) { text in
            TalonLocale(rawValue: text).flatMap { known.isEmpty || known.contains($0) ? $0 : nil }
        }
    }

    /// `--templates <dir>`, taken by every command that renders or checks templates.
    static let templates = CommandSpec.Option(names: ["--templates"], valueName: "dir",
                                              help: "Folder of templates to use instead of the built-in ones.")

    /// `--attachments <dir>`: where the RMA's attached photos are (default: the data's folder).
    static let attachments = CommandSpec.Option(
        names: ["--attachments"], valueName: "dir",
        help: "Folder of the claim's attached files; their paths may not lead out of it (default: the data file's folder).")

    /// The attachments folder: `--attachments`, else the data file's folder (nil for stdin:
    /// the current directory).
    static func attachmentsFolder(_ arguments: ParsedArguments, dataPath: String?) -> URL? {
        if let folder = arguments.text(attachments) { return URL(fileURLWithPath: folder, isDirectory: true) }
        guard let dataPath, dataPath != "-" else { return nil }
        return URL(fileURLWithPath: dataPath).deletingLastPathComponent()
    }

    /// A template argument: a built-in name or a template file. A name that is not built in
    /// is a usage error.
    static func template(_ text: String, _ arguments: ParsedArguments) throws(CLIError) -> TemplateReference {
        do {
            return try TemplateReference(parsing: text)
        } catch {
            guard case .unknownTemplate(let name, let available) = error else { throw .talon(error) }
            throw arguments.usage("unknown template '\(name)'; built-in templates: \(available.joined(separator: ", "))")
        }
    }

    /// `--kind <kind>`: a document kind by its built-in name.
    static func kind(_ option: CommandSpec.Option, _ arguments: ParsedArguments) throws(CLIError) -> DocumentKind? {
        try arguments.value(option, expected: "one of: " + DocumentCatalog.names.joined(separator: ", "),
                            DocumentCatalog.kind(named:))
    }

    /// A renderer whose templates are found from `--templates`, then the usual places. It
    /// lives until the process exits (see `ProcessLifetime`).
    static func renderer(templates: String?) throws(CLIError) -> DocumentRenderer {
        do {
            let renderer = try DocumentRenderer(resources: ResourceLocator.discover(templates: templates))
            ProcessLifetime.keep(renderer)
            return renderer
        } catch {
            throw .talon(error)
        }
    }
}

/// What a command keeps until the process exits. A renderer holds mapped fonts, glyph
/// caches and catalogues; releasing them piece by piece when a one-document command returns
/// costs more than the rest of its teardown, and the process's exit frees them at once.
enum ProcessLifetime {
    private static let kept = Mutex<[DocumentRenderer]>([])

    static func keep(_ renderer: DocumentRenderer) {
        kept.withLock { $0.append(renderer) }
    }
}

/// Reading input files and standard input.
enum Input {
    static func read(_ path: String) throws(TalonError) -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .input(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw .input(path: path, reason: "not a readable file")
        }
        return data
    }
}

/// Writing results: atomically to a file, or to standard output for "-".
enum Output {
    static func write(_ bytes: [UInt8], to path: String) throws(TalonError) {
        if path == "-" {
            try StandardOutput.write(bytes)
        } else {
            try AtomicFile.write(bytes, to: path)
        }
    }
}

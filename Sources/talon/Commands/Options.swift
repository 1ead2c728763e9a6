import Foundation
import TalonDocuments

/// Option values shared by several commands, checked the same way everywhere.
enum Options {
    static func enumValue<T: RawRepresentable & CaseIterable>(
        _ arguments: ParsedArguments, _ name: String, default value: T, command: String
    ) throws(CLIError) -> T where T.RawValue == String {
        guard let text = arguments.value(name) else { return value }
        guard let parsed = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw .usage("invalid --\(name) '\(text)'; expected one of: \(allowed)", command: command)
        }
        return parsed
    }

    static func locale(_ arguments: ParsedArguments, command: String) throws(CLIError) -> TalonLocale? {
        guard let text = arguments.value("locale") else { return nil }
        // The languages are the templates' catalogues; when the templates cannot be found,
        // making the renderer reports that.
        let known = DocumentRenderer.locales(templates: arguments.value("templates"))
        guard let locale = TalonLocale(rawValue: text), known.isEmpty || known.contains(locale) else {
            let allowed = known.map(\.rawValue).joined(separator: ", ")
            throw .usage("invalid --locale '\(text)'; expected one of: \(allowed)", command: command)
        }
        return locale
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
        if let folder = arguments.value("attachments") { return URL(fileURLWithPath: folder, isDirectory: true) }
        guard let dataPath, dataPath != "-" else { return nil }
        return URL(fileURLWithPath: dataPath).deletingLastPathComponent()
    }

    /// A renderer whose templates are found from `--templates`, then the usual places.
    static func renderer(_ arguments: ParsedArguments) throws(TalonError) -> DocumentRenderer {
        try DocumentRenderer(resources: ResourceLocator.discover(templates: arguments.value("templates")))
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

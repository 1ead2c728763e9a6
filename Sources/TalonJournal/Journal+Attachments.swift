import Foundation
import TalonPrimitives
import Warranty

/// A claim's attached files are copied into the journal, addressed by their SHA-256; the
/// claim's data then names them `attachments/<sha256>.<ext>`, and they are written out to a
/// temporary folder only while a document that draws them is rendered.
extension Journal {
    static let attachmentFolder = "attachments"

    /// Reads each `claim.attachments[].path` (relative to `baseDirectory`), checks its size
    /// and rewrites the path to its content address. A path that names no file is dropped
    /// (the attachment stays listed by name, as the RMA form prints it), so a reprint never
    /// depends on a file outside the journal.
    func readAttachments(_ value: JSONValue, baseDirectory: URL?) throws(JournalError)
        -> (value: JSONValue, files: [(String, [UInt8])])
    {
        guard case .array(let items)? = value.value(at: ["claim", "attachments"]) else { return (value, []) }
        var files: [(String, [UInt8])] = []
        var rewritten: [JSONValue] = []
        for (index, item) in items.enumerated() {
            guard let path = item.value(at: ["path"])?.stringValue, !path.isEmpty else {
                rewritten.append(item)
                continue
            }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : (baseDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).appendingPathComponent(path)
            let where_ = "$.claim.attachments[\(index)].path"
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let size = (attributes[.size] as? NSNumber)?.intValue else {
                var listed: [(key: String, value: JSONValue)] = []
                if case .object(let pairs) = item { listed = pairs.filter { $0.key != "path" } }
                rewritten.append(.object(listed))
                continue
            }
            guard size <= attachmentLimit else {
                throw .input(path: where_, reason: "\(url.lastPathComponent) is \(size) bytes; the limit is \(attachmentLimit)")
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .input(path: where_, reason: "cannot read \(url.path)")
            }
            let bytes = Array(data)
            let hash = SHA256.hex(bytes)
            let ext = url.pathExtension.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            files.append((hash, bytes))
            rewritten.append(item.setting(.string("\(Self.attachmentFolder)/\(hash)\(ext.isEmpty ? "" : "." + ext)"), at: ["path"]))
        }
        return (value.setting(.array(rewritten), at: ["claim", "attachments"]), files)
    }

    /// Runs `body` with a folder holding the data's stored attachments (nil when it has none).
    /// Without a transaction, data naming stored attachments is refused.
    func withAttachments<T>(of data: Data, in transaction: (any JournalTransaction)?,
                            _ body: (URL?) throws(JournalError) -> T) throws(JournalError) -> T {
        let prefix = Self.attachmentFolder + "/"
        var stored: [String] = []
        if let value = try? JSONValue.parse(data), case .array(let items)? = value.value(at: ["claim", "attachments"]) {
            stored = items.compactMap { $0.value(at: ["path"])?.stringValue }.filter { $0.hasPrefix(prefix) }
        }
        guard !stored.isEmpty else { return try body(nil) }
        guard let transaction else { throw .store("stored attachments need a journal transaction") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-attachments-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(Self.attachmentFolder),
                                                    withIntermediateDirectories: true)
        } catch {
            throw .store("cannot make a folder for attachments: \(error.localizedDescription)")
        }
        for path in stored {
            let name = String(path.dropFirst(prefix.count))
            let hash = String(name.prefix(while: { $0 != "." }))
            guard !name.contains("/"), let bytes = try transaction.attachment(sha256: hash) else { continue }
            do {
                try Data(bytes).write(to: folder.appendingPathComponent(path))
            } catch {
                throw .store("cannot write attachment \(name): \(error.localizedDescription)")
            }
        }
        return try body(folder)
    }
}

import Foundation
import Layout
import Warranty

/// What became of each attached file, decided once per document before the template runs.
///
/// A path is relative (the schema refuses absolute paths and `..`) and is resolved in the
/// attachments folder: the data file's folder, or the one given explicitly. A photo is
/// drawn when its path ends in `.png`, `.jpg` or `.jpeg` and the file is a regular file
/// inside that folder (symbolic links included) whose structure and size `ImageDecoder`
/// accepts. A photo that cannot be drawn is printed as unreadable and reported as a
/// warning at its JSON path; other files (logs) are only listed.
struct AttachmentFiles: Sendable, Equatable {
    enum Status: Sendable, Equatable {
        /// A photo to draw, at this absolute path.
        case image(String)
        /// Listed only: no path, or not a photo by its extension.
        case listed
        /// A photo that cannot be drawn.
        case unreadable
    }

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg"]

    var statuses: [Status] = []
    /// `$.claim.attachments[1].path: photo.png cannot be read (...)`, one per unreadable photo.
    var warnings: [String] = []

    init() {}

    init(_ attachments: [Attachment], folder: URL?) {
        let base = (folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
        let realBase = Self.realPath(base)
        for (index, attachment) in attachments.enumerated() {
            guard let path = attachment.path,
                Self.imageExtensions.contains((path as NSString).pathExtension.lowercased())
            else {
                statuses.append(.listed)
                continue
            }
            let resolved = URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
            let problem: String?
            if let realBase, let real = Self.realPath(resolved), !real.hasPrefix(realBase.hasSuffix("/") ? realBase : realBase + "/") {
                problem = "leads outside the attachments folder"
            } else {
                do {
                    _ = try ImageDecoder.inspect(path: resolved)
                    problem = nil
                } catch {
                    problem = Self.reason(error)
                }
            }
            if let problem {
                statuses.append(.unreadable)
                warnings.append("$.claim.attachments[\(index)].path: warning: photo not printed: \(problem)")
            } else {
                statuses.append(.image(resolved))
            }
        }
    }

    /// The error's reason without the file name it starts with.
    static func reason(_ error: ImageError) -> String {
        let text = error.description
        let prefix = error.file + ": "
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    /// The path with symbolic links resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

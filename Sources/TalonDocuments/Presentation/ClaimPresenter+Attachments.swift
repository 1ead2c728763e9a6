import Foundation
import Mustache
import Warranty

/// The customer's attached files: every file is listed by name; a photo is also drawn as a
/// thumbnail when its path ends in `.png`, `.jpg` or `.jpeg`, the file exists relative to
/// the data file (`PresentationOptions.baseDirectory`) and starts like a PNG or JPEG.
/// Anything else (a log, a missing or mislabelled file) stays in the list only, so a
/// wrong upload never stops the RMA form from printing.
extension ClaimPresenter {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg"]

    func attachments() -> TemplateValue {
        .list(attachmentList())
    }

    func attachmentList() -> [TemplateValue] {
        claim.attachments.enumerated().map { index, attachment in
            let file = attachment.path.flatMap(imageFile)
            return .map([
                "number": .integer(index + 1),
                "name": .string(attachment.name),
                "path": TemplateContext.text(attachment.path),
                "image": .bool(file != nil),
                "file": file.map(TemplateValue.string) ?? .null,
            ])
        }
    }

    /// Image attachments in rows of `perRow` cells (the last row padded with empty cells),
    /// each cell marked `last` when it ends its row, so a template can lay them out with
    /// `@columns(N)` and `@column` between cells.
    func imageRows(perRow: Int = 4) -> TemplateValue {
        let images = attachmentList().filter { $0["image"] == .bool(true) }
        guard perRow > 0, !images.isEmpty else { return .list([]) }
        var rows: [TemplateValue] = []
        var start = 0
        while start < images.count {
            let slice = Array(images[start..<min(start + perRow, images.count)])
            let cells = (0..<perRow).map { index -> TemplateValue in
                var cell: [String: TemplateValue] = index < slice.count
                    ? (slice[index].mapMembers ?? [:]) : ["image": .bool(false), "file": .null, "name": .null]
                cell["last"] = .bool(index == perRow - 1)
                return .map(cell)
            }
            rows.append(.map(["cells": .list(cells)]))
            start += perRow
        }
        return .list(rows)
    }

    /// The absolute path of an image attachment that can be drawn, or nil.
    func imageFile(_ path: String) -> String? {
        guard !path.isEmpty, !path.contains("\0") else { return nil }
        let ext = (path as NSString).pathExtension.lowercased()
        guard Self.imageExtensions.contains(ext) else { return nil }
        let url: URL
        if path.hasPrefix("/") {
            url = URL(fileURLWithPath: path)
        } else if let base = options.baseDirectory {
            url = base.appendingPathComponent(path)
        } else {
            url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        }
        let resolved = url.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue,
            Self.startsLikeImage(resolved)
        else { return nil }
        return resolved
    }

    /// Whether the file begins with the PNG signature or a JPEG start-of-image marker.
    static func startsLikeImage(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 8) else { return false }
        let bytes = [UInt8](head)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        if bytes == png { return true }
        return bytes.count >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF
    }
}

extension TemplateValue {
    /// The members of a map value, or nil.
    var mapMembers: [String: TemplateValue]? {
        if case .map(let members) = self { return members }
        return nil
    }
}

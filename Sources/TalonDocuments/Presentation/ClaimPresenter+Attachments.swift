import Foundation
import Mustache
import Warranty

/// The customer's attached files: every file is listed by name; a photo is also drawn as a
/// thumbnail when `AttachmentFiles` found it drawable, and marked `unreadable` when not.
/// Anything else (a log, a file without a path) stays in the list only, so a wrong upload
/// never stops the RMA form from printing.
extension ClaimPresenter {
    func attachmentList() -> [TemplateValue] {
        claim.attachments.enumerated().map { index, attachment in
            let status = index < options.attachmentFiles.statuses.count ? options.attachmentFiles.statuses[index] : .listed
            var file: String?
            if case .image(let path) = status { file = path }
            return .map([
                "number": .integer(index + 1),
                "name": .string(attachment.name),
                "path": TemplateContext.text(attachment.path),
                "image": .bool(file != nil),
                "unreadable": .bool(status == .unreadable),
                "file": file.map(TemplateValue.string) ?? .null,
            ])
        }
    }

    /// Image attachments in rows of `perRow` cells (the last row padded with empty cells),
    /// each cell marked `last` when it ends its row, so a template can lay them out with
    /// `@columns(N)` and `@column` between cells.
    func imageRows(_ images: [TemplateValue], perRow: Int = 4) -> TemplateValue {
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
}

extension TemplateValue {
    /// The members of a map value, or nil.
    var mapMembers: [String: TemplateValue]? {
        if case .map(let members) = self { return members }
        return nil
    }
}

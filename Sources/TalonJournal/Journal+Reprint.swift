import Foundation
import TalonDocuments

extension Journal {
    /// The document issued under `number`, rendered again from its stored data with the
    /// template set it was made with: the same bytes (checked against the stored SHA-256).
    public func reprint(number: String) throws(JournalError) -> IssuedPDF {
        try store.read { (transaction) throws(JournalError) -> IssuedPDF in
            guard let (document, data) = try transaction.document(number: number) else {
                throw .notFound("document \(number)")
            }
            let rendered: RenderedDocument
            if try templateSet(for: document.locale).hash == document.templateHash {
                rendered = try render(document.kind, data: data, renderer: renderer, in: transaction)
            } else {
                guard let set = try transaction.templateSet(hash: document.templateHash) else {
                    throw .corrupt(path: number, reason: "the template set \(document.templateHash) is missing")
                }
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-templates-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: folder) }
                try set.materialize(in: folder)
                let fonts = renderer.resources.fontCatalogue
                let original = try Self.documentStep { () throws(TalonError) in
                    try DocumentRenderer(resources: ResourceLocator(templates: folder, fontCatalogue: fonts))
                }
                rendered = try render(document.kind, data: data, renderer: original, in: transaction)
            }
            guard SHA256.hex(rendered.bytes) == document.pdfHash else { throw .reprintDiffers(number: number) }
            return IssuedPDF(document: document, bytes: rendered.bytes)
        }
    }
}

import Foundation
import HaruPDF
import Layout
import Warranty

/// What `DocumentRenderer.verify` found in a PDF/A document.
public struct Verification: Sendable {
    /// The attached data's file name ("repair-record.en.json").
    public var name: String
    /// SHA-256 of the attached data, lowercase hexadecimal.
    public var sha256: String
    /// Whether a fresh render of the attached data gives the document byte for byte.
    public var matches: Bool
}

extension DocumentRenderer {
    /// Reads the data a PDF/A document carries, renders it again with the template its
    /// name tells ("repair-record.en.json": the built-in repair record, in English) or with
    /// `template`, and compares the two files. `attachments` is the folder of the claim's
    /// photos, as `RenderRequest.baseDirectory`.
    /// - Throws: `TalonError.pdf` when the file carries no data, or any error of rendering.
    public func verify(_ pdf: [UInt8], template: TemplateReference? = nil,
                       attachments: URL? = nil) throws(TalonError) -> Verification {
        let attachment: AttachedFile
        do {
            attachment = try AttachedDataReader.attachment(in: pdf)
        } catch {
            throw .pdf(error)
        }
        let parts = attachment.name.split(separator: ".").map(String.init)
        guard parts.count >= 3, parts.last == "json", let locale = DocumentLocale(rawValue: parts[parts.count - 2]) else {
            throw .input(path: attachment.name, reason: "the attached data's name does not say its template and locale")
        }
        let reference: TemplateReference
        if let template {
            reference = template
        } else {
            reference = try TemplateReference(parsing: parts.dropLast(2).joined(separator: "."))
        }
        let request = RenderRequest(template: reference, data: Data(attachment.bytes), dataName: attachment.name,
                                    locale: locale, format: .pdf, baseDirectory: attachments, pdf: PDFOptions(pdfa: true))
        let fresh = try render(request).bytes
        return Verification(name: attachment.name, sha256: AttachedDataReader.sha256(attachment.bytes), matches: fresh == pdf)
    }
}

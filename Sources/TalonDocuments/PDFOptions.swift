import Foundation
import Layout

/// Protection and archiving the caller asks for, over what the template's front matter says.
public struct PDFOptions: Sendable, Equatable {
    /// Replaces the front matter's `password` (the owner password).
    public var ownerPassword: String?
    /// Replaces the front matter's `user-password` (needed to open the file).
    public var userPassword: String?
    /// Allows printing only (besides what the front matter says).
    public var printOnly: Bool
    /// true: PDF/A-3b with the data attached; false: no PDF/A whatever the front matter says;
    /// nil: as the front matter's `pdfa` says.
    public var pdfa: Bool?

    public init(ownerPassword: String? = nil, userPassword: String? = nil, printOnly: Bool = false, pdfa: Bool? = nil) {
        self.ownerPassword = ownerPassword
        self.userPassword = userPassword
        self.printOnly = printOnly
        self.pdfa = pdfa
    }

    /// Applies the options to a laid-out document; a PDF/A document carries `data` as the
    /// attached file `name`.
    func apply(to info: inout DocumentInfo, data: Data?, name: String) {
        if let ownerPassword { info.ownerPassword = ownerPassword }
        if let userPassword { info.userPassword = userPassword }
        info.printOnly = info.printOnly || printOnly
        if let pdfa { info.pdfa = pdfa }
        info.attachment = info.pdfa ? data.map { AttachedFile(name: name, mimeType: "application/json", bytes: Array($0)) } : nil
    }

    /// The name of the attached data: the template and the locale it was rendered in
    /// ("repair-record.en.json"), which `talon verify` reads back.
    static func attachmentName(template: String, locale: String) -> String { "\(template).\(locale).json" }
}

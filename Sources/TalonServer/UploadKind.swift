/// What an uploaded file is, told by its first bytes (never by its name or the browser's
/// content type): photos, videos and PDF documents are accepted.
public enum UploadKind: String, Sendable {
    case jpeg, png, webp, heic, mp4, quicktime, pdf

    init?(sniffing bytes: [UInt8]) {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { self = .jpeg }
        else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png }
        else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { self = .webp }
        else if starts(Array("%PDF-".utf8)) { self = .pdf }
        else if starts(Array("ftyp".utf8), at: 4) {
            let brand = bytes.count >= 12 ? String(decoding: bytes[8..<12], as: UTF8.self) : ""
            switch brand {
            case "heic", "heix", "mif1", "msf1": self = .heic
            case "qt  ": self = .quicktime
            default: self = .mp4
            }
        } else {
            return nil
        }
    }
}

extension UploadKind {
    /// The file extension a stored file of this kind gets.
    var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .heic: "heic"
        case .mp4: "mp4"
        case .quicktime: "mov"
        case .pdf: "pdf"
        }
    }
}

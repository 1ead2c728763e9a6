/// Why an image file was refused. Every case names the file (the `name` given to
/// `ImageDecoder.decode` or the path given to `ImageDecoder.load`) and prints as
/// `file: what is wrong`.
public enum ImageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read from disk.
    case unreadable(file: String, reason: String)
    /// The file holds no bytes at all.
    case empty(file: String)
    /// The bytes start with neither the PNG nor the JPEG signature.
    case notAnImage(file: String)
    /// The file is larger than `ImageLimits.maxBytes`.
    case fileTooLarge(file: String, bytes: Int, limit: Int)
    /// The declared dimensions exceed `ImageLimits.maxPixels` (checked before allocating).
    case tooManyPixels(file: String, width: Int, height: Int, limit: Int)
    /// The PNG ends early; `detail` says where ("chunk IDAT declares 8192 bytes, 120 remain").
    case truncatedPNG(file: String, detail: String)
    /// A chunk's stored CRC-32 does not match its type and data.
    case crcMismatch(file: String, chunk: String)
    /// The PNG breaks a rule of the format (bad IHDR, missing PLTE or IEND, bad filter type...).
    case invalidPNG(file: String, reason: String)
    /// The zlib/deflate stream inside the IDAT chunks is malformed.
    case corruptDeflate(file: String, reason: String)
    /// The JPEG ends before `expected` (e.g. "EOI", or the end of a marker segment).
    case truncatedJPEG(file: String, expected: String)
    /// The JPEG's marker structure is malformed.
    case invalidJPEG(file: String, reason: String)
    /// A well-formed JPEG of a kind Talon does not embed (lossless, arithmetic, CMYK...).
    case unsupportedJPEG(file: String, reason: String)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .empty(let file), .notAnImage(let file),
             .fileTooLarge(let file, _, _), .tooManyPixels(let file, _, _, _),
             .truncatedPNG(let file, _), .crcMismatch(let file, _), .invalidPNG(let file, _),
             .corruptDeflate(let file, _), .truncatedJPEG(let file, _),
             .invalidJPEG(let file, _), .unsupportedJPEG(let file, _):
            return file
        }
    }

    public var description: String {
        "\(file): \(problem)"
    }

    /// The message without the file name.
    var problem: String {
        switch self {
        case .unreadable(_, let reason): return "cannot read image: \(reason)"
        case .empty: return "empty file, not a PNG or JPEG image"
        case .notAnImage: return "not a PNG or JPEG file"
        case .fileTooLarge(_, let bytes, let limit):
            return "file of \(bytes) bytes exceeds the limit of \(ImageLimits.describeBytes(limit))"
        case .tooManyPixels(_, let width, let height, let limit):
            return "\(width) × \(height) pixels exceeds the limit of \(ImageLimits.describePixels(limit))"
        case .truncatedPNG(_, let detail): return "truncated PNG: \(detail)"
        case .crcMismatch(_, let chunk): return "CRC mismatch in chunk \(chunk)"
        case .invalidPNG(_, let reason): return "invalid PNG: \(reason)"
        case .corruptDeflate(_, let reason): return "corrupt deflate data (\(reason))"
        case .truncatedJPEG(_, let expected): return "JPEG ends before \(expected)"
        case .invalidJPEG(_, let reason): return "invalid JPEG: \(reason)"
        case .unsupportedJPEG(_, let reason): return "unsupported JPEG: \(reason)"
        }
    }
}

/// How the painter turns a face's text into the bytes libharu draws.
///
/// libharu's UTF-8 mode costs about 1.2 ms per face (it scans all 65,536 code points), while
/// a TrueType font in one of its single-byte encodings costs a fraction of that. So a face
/// whose characters all fit a single-byte encoding libharu knows (WinAnsiEncoding covers
/// English and Western European text, CP1251 English and Ukrainian/Russian, ...) uses it;
/// any other face uses UTF-8 (see LIBHARU.md).
enum TextEncoding {
    /// A libharu single-byte encoder and the code of each character the face may draw.
    case singleByte(name: String, codes: [UInt32: UInt8])
    /// UTF-8 mode, for the characters the face may draw.
    case utf8(allowed: Set<UInt32>)

    var encoderName: String {
        switch self {
        case .singleByte(let name, _): name
        case .utf8: "UTF-8"
        }
    }

    /// Encoders tried in order; the first that holds every character of a face wins.
    static let candidateNames = ["WinAnsiEncoding", "CP1251", "CP1250", "CP1252", "CP1253", "CP1254", "CP1257",
                                 "ISO8859-5", "KOI8-R"]

    /// The candidates' code tables, read once from libharu itself so they match its
    /// encoders exactly (control codes and unassigned codes left out).
    static let singleByteEncodings: [(name: String, codes: [UInt32: UInt8])] = {
        guard let document = try? HaruDocument() else { return [] }
        var encodings: [(String, [UInt32: UInt8])] = []
        for name in candidateNames {
            guard let table = try? document.encoderTable(name) else { continue }
            var codes: [UInt32: UInt8] = [:]
            for (code, unicode) in table.enumerated() where code >= 0x20 && unicode >= 0x20 && unicode != 0x7F {
                if codes[UInt32(unicode)] == nil { codes[UInt32(unicode)] = UInt8(code) }
            }
            encodings.append((name, codes))
        }
        return encodings
    }()

    /// The first single-byte encoding holding all `scalars`, else UTF-8. Only `scalars`
    /// are encodable afterwards: the face's subset holds no other glyph, so any other
    /// character would print blank.
    static func choose(for scalars: [Unicode.Scalar]) -> TextEncoding {
        for encoding in singleByteEncodings where scalars.allSatisfy({ encoding.codes[$0.value] != nil }) {
            var codes: [UInt32: UInt8] = [:]
            codes.reserveCapacity(scalars.count)
            for scalar in scalars { codes[scalar.value] = encoding.codes[scalar.value] }
            return .singleByte(name: encoding.name, codes: codes)
        }
        return .utf8(allowed: Set(scalars.map(\.value)))
    }

    /// The bytes for `text`, or the characters this encoding cannot express.
    func encode(_ text: String) -> Result<[UInt8], UnencodableCharacters> {
        switch self {
        case .utf8(let allowed):
            let outside = text.unicodeScalars.filter { $0.value > 0xFFFF || !allowed.contains($0.value) }
            return outside.isEmpty ? .success(Array(text.utf8)) : .failure(UnencodableCharacters(outside))
        case .singleByte(_, let codes):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var missing: [Unicode.Scalar] = []
            for scalar in text.unicodeScalars {
                if let code = codes[scalar.value] { bytes.append(code) } else { missing.append(scalar) }
            }
            return missing.isEmpty ? .success(bytes) : .failure(UnencodableCharacters(missing))
        }
    }
}

/// Characters of a text that an encoding or a face cannot draw, without repeats.
struct UnencodableCharacters: Error {
    var scalars: [Unicode.Scalar]

    init(_ found: some Sequence<Unicode.Scalar>) {
        var seen = Set<Unicode.Scalar>()
        scalars = found.filter { seen.insert($0).inserted }
    }
}

/// How the painter turns a face's text into the bytes libharu draws.
///
/// libharu's UTF-8 mode costs about 1.2 ms per face (it scans all 65,536 code points), while
/// a TrueType font in one of its single-byte encodings costs a fraction of that. So a face
/// whose characters all fit a single-byte encoding libharu knows (WinAnsiEncoding covers
/// English and Western European text, CP1251 English and Ukrainian/Russian, ...) uses it;
/// any other face uses UTF-8 (see LIBHARU.md).
enum TextEncoding {
    /// A libharu single-byte encoder and the code of each character it can encode.
    case singleByte(name: String, codes: [UInt32: UInt8])
    case utf8

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

    /// The first single-byte encoding holding all `scalars`, else UTF-8.
    static func choose(for scalars: [Unicode.Scalar]) -> TextEncoding {
        for encoding in singleByteEncodings where scalars.allSatisfy({ encoding.codes[$0.value] != nil }) {
            return .singleByte(name: encoding.name, codes: encoding.codes)
        }
        return .utf8
    }

    /// The bytes for `text`, or the characters this encoding cannot express.
    func encode(_ text: String) -> Result<[UInt8], UnencodableCharacters> {
        switch self {
        case .utf8:
            let outside = text.unicodeScalars.filter { $0.value > 0xFFFF || $0.value == 0 }
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

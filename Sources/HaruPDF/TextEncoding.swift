/// How the painter turns a face's text into the bytes libharu draws.
///
/// libharu's UTF-8 mode costs about 1.2 ms per face (it scans all 65,536 code points), while
/// a TrueType font in a single-byte encoding costs a fraction of that. So faces whose
/// characters fit 224 codes share a `CompactEncoding` built for the document (drawn through
/// one of libharu's single-byte encoders, whose table is replaced); any other face uses
/// UTF-8 (see docs/libharu.md, "Fonts").
enum TextEncoding {
    /// A libharu single-byte encoder, the group of faces sharing it, and the code of each
    /// character this face may draw.
    case singleByte(name: String, group: Int, codes: FaceCodes)
    /// UTF-8 mode, for the characters the face may draw.
    case utf8(allowed: Set<UInt32>)

    var encoderName: String {
        switch self {
        case .singleByte(let name, _, _): name
        case .utf8: "UTF-8"
        }
    }

    /// The code of each of `scalars` for a single-byte face, whose font program is then a
    /// symbolic font mapping these codes (`TrueTypeFont.pdfSubset`); nil in UTF-8 mode.
    func programCodes(for scalars: [Unicode.Scalar]) -> [UInt32: UInt8]? {
        guard case .singleByte(_, _, let codes) = self else { return nil }
        var result: [UInt32: UInt8] = [:]
        result.reserveCapacity(scalars.count)
        for scalar in scalars { result[scalar.value] = codes[scalar.value] }
        return result
    }

    /// libharu single-byte encoders whose tables the painter replaces, one per group of
    /// faces (the names never reach the PDF: the painter writes each /Encoding itself).
    static let encoderNames = ["CP1250", "CP1251", "CP1252", "CP1253", "CP1254", "CP1257", "ISO8859-2",
                               "ISO8859-5", "KOI8-R"]

    /// Encodings for the faces of a document, in order: consecutive faces share a compact
    /// table while their characters together fit it; a face that does not fit one alone
    /// (or comes after all encoders are taken) uses UTF-8. Only a face's own characters are
    /// encodable: its subset holds no other glyph, so any other character would print blank.
    /// - Returns: the encodings and each group's table (index = `group`).
    static func plan(faces: [[Unicode.Scalar]], frequency: CharacterCounts = CharacterCounts())
        -> (encodings: [TextEncoding], tables: [CompactEncoding]) {
        var encodings = [TextEncoding?](repeating: nil, count: faces.count)
        var tables: [CompactEncoding] = []
        var members: [Int] = [], union: [UInt32] = []
        var current: CompactEncoding?
        func close() {
            guard let table = current else { return }
            let group = tables.count
            for face in members {
                encodings[face] = .singleByte(name: encoderNames[group], group: group,
                                              codes: FaceCodes(faces[face], in: table))
            }
            tables.append(table)
            members = []
            union = []
            current = nil
        }
        for (index, scalars) in faces.enumerated() {
            let own = AscendingValues.of(scalars.map(\.value))
            let merged = union.isEmpty ? own : AscendingValues.union(union, own)
            if let table = CompactEncoding(sorted: merged, frequency: frequency), tables.count < encoderNames.count {
                current = table
                union = merged
                members.append(index)
                continue
            }
            close()
            if let table = CompactEncoding(sorted: own, frequency: frequency), tables.count < encoderNames.count {
                current = table
                union = own
                members = [index]
            }
        }
        close()
        let all = encodings.enumerated().map { index, encoding in
            encoding ?? .utf8(allowed: Set(faces[index].map(\.value)))
        }
        return (all, tables)
    }

    /// Writes the bytes for `text` at the start of `buffer`, which grows when too short and
    /// never shrinks (so a painter reuses its storage), and returns how many; or the
    /// characters this encoding cannot express.
    func encode(_ text: String, into buffer: inout [UInt8]) -> Result<Int, UnencodableCharacters> {
        switch self {
        case .utf8(let allowed):
            let outside = text.unicodeScalars.filter { $0.value > 0xFFFF || !allowed.contains($0.value) }
            guard outside.isEmpty else { return .failure(UnencodableCharacters(outside)) }
            let count = text.utf8.count
            Self.reserve(count, in: &buffer)
            buffer.withUnsafeMutableBufferPointer { _ = $0.initialize(from: text.utf8) }
            return .success(count)
        case .singleByte(_, _, let codes):
            let written: Int?? = text.utf8.withContiguousStorageIfAvailable { utf8 in
                Self.reserve(utf8.count, in: &buffer)
                return buffer.withUnsafeMutableBufferPointer { codes.encode(utf8, into: $0) }
            }
            if let written = written ?? nil { return .success(written) }
            // Not contiguous, or a character without a code: character by character.
            var missing: [Unicode.Scalar] = [], count = 0
            for scalar in text.unicodeScalars {
                guard let code = codes[scalar.value] else {
                    missing.append(scalar)
                    continue
                }
                Self.reserve(count + 1, in: &buffer)
                buffer[count] = code
                count += 1
            }
            return missing.isEmpty ? .success(count) : .failure(UnencodableCharacters(missing))
        }
    }

    /// Grows `buffer` to at least `count` bytes.
    static func reserve(_ count: Int, in buffer: inout [UInt8]) {
        guard buffer.count < count else { return }
        buffer.append(contentsOf: repeatElement(0, count: max(count - buffer.count, buffer.count)))
    }
}

/// The code of each character a face may draw: a flat table below U+0800 (Latin, Greek,
/// Cyrillic: no hashing per character drawn), a dictionary above.
struct FaceCodes {
    private var low = [UInt8](repeating: 0, count: 0x800)  // 0: not encodable (codes start at 0x20)
    private var high: [UInt32: UInt8] = [:]
    /// How many characters have a code.
    private(set) var count = 0

    /// The codes `table` gives to `scalars` (characters without one stay unencodable).
    init(_ scalars: [Unicode.Scalar], in table: CompactEncoding) {
        for scalar in scalars {
            guard let code = table.codes[scalar.value], code != 0 else { continue }
            if scalar.value < 0x800 {
                if low[Int(scalar.value)] == 0 { count += 1 }
                low[Int(scalar.value)] = code
            } else if high.updateValue(code, forKey: scalar.value) == nil {
                count += 1
            }
        }
    }

    /// Writes the code of each character of valid UTF-8 `utf8` into `codes` (at least as
    /// long), decoded here without `String`'s scalar iterator, and returns how many; nil when
    /// one has no code.
    func encode(_ utf8: UnsafeBufferPointer<UInt8>, into codes: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard codes.count >= utf8.count else { return nil }
        return low.withUnsafeBufferPointer { low -> Int? in
            var index = 0, written = 0
            while index < utf8.count {
                let lead = utf8[index]
                let code: UInt8
                if lead < 0x80 {
                    code = low[Int(lead)]
                    index += 1
                } else if lead >= 0xC0, lead < 0xE0, index + 1 < utf8.count, utf8[index + 1] & 0xC0 == 0x80 {
                    // Latin, Greek, Cyrillic beyond ASCII: two bytes, in the flat table.
                    code = low[Int(UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F))]
                    index += 2
                } else {
                    var scalar = UInt32(lead), trailing = 0
                    switch lead {
                    case 0xC0..<0xE0: scalar = UInt32(lead & 0x1F); trailing = 1
                    case 0xE0..<0xF0: scalar = UInt32(lead & 0x0F); trailing = 2
                    case 0xF0...: scalar = UInt32(lead & 0x07); trailing = 3
                    default: break
                    }
                    index += 1
                    for _ in 0..<trailing where index < utf8.count {
                        scalar = scalar << 6 | UInt32(utf8[index] & 0x3F)
                        index += 1
                    }
                    code = scalar < 0x800 ? low[Int(scalar)] : high[scalar] ?? 0
                }
                guard code != 0 else { return nil }
                codes[written] = code
                written += 1
            }
            return written
        }
    }

    subscript(scalar: UInt32) -> UInt8? {
        if scalar < 0x800 {
            let code = low[Int(scalar)]
            return code == 0 ? nil : code
        }
        return high[scalar]
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

/// Repacks a PDF that libharu saved (version 1.3: every dictionary uncompressed, a
/// cross-reference table of 20 bytes per object, /Length as separate objects) as PDF 1.5:
/// streams stay as they are with a direct /Length, every other object goes into one
/// compressed object stream, and the cross-reference table becomes a compressed
/// cross-reference stream. For the warranty card this saves about 2 KB (font dictionaries,
/// /Widths, /Differences and the info dictionary compress well).
///
/// It reads only the layout libharu 2.3.0 writes (one xref section, objects in order,
/// generation 0, no encryption); anything else returns nil and the caller keeps the bytes
/// libharu wrote.
///
/// With a `StandardSecurityHandler` it also encrypts: every stream, the object stream
/// included, is encrypted with AES-256 (the strings inside an object stream are encrypted
/// with it, ISO 32000-2 7.6.3), the encryption dictionary is a separate object, and the
/// cross-reference stream stays in clear as the standard requires.
struct ObjectStreamPacker {
    let file: [UInt8]

    /// What the trailer carries besides /Root and /Info.
    enum Trailer {
        /// No /ID (the smallest file).
        case plain
        /// An /ID taken from a digest of the content (PDF/A requires one).
        case identified
        /// Encrypted; the /ID comes from the handler.
        case encrypted(owner: PDFPassword, user: PDFPassword, printOnly: Bool)
    }

    /// One object of the input: its number and body (between "N 0 obj\n" and "endobj").
    struct Object {
        var number: Int
        var body: ArraySlice<UInt8>
        /// For a stream: the dictionary text and the raw (still filtered) data.
        var stream: (dictionary: ArraySlice<UInt8>, data: ArraySlice<UInt8>)?
    }

    /// The repacked file, or nil when `file` is not laid out as expected. The streams
    /// numbered in `deflating` (written unfiltered) are deflated and get /Filter/FlateDecode;
    /// those in `data` were written empty, and `data` holds their bytes.
    func packed(deflating: Set<Int> = [], data: [Int: [UInt8]] = [:], trailer mode: Trailer = .plain,
                deflate: (ArraySlice<UInt8>) throws(HaruError) -> [UInt8])
        throws(HaruError) -> [UInt8]? {
        guard let (offsets, xrefStart, trailer) = crossReference(), Self.firstIndex(of: Array("/Encrypt".utf8), in: trailer) == nil,
              let root = reference(after: "/Root", in: trailer) else { return nil }
        let info = reference(after: "/Info", in: trailer)
        var handler: StandardSecurityHandler?
        var identifier: [UInt8]?
        switch mode {
        case .plain: break
        case .identified: identifier = Array(contentDigest(data).prefix(16))
        case .encrypted(let owner, let user, let printOnly):
            let security = try StandardSecurityHandler(owner: owner, user: user, printOnly: printOnly,
                                                       content: contentDigest(data))
            handler = security
            identifier = security.identifier
        }
        func sealed(_ bytes: [UInt8], _ number: Int) throws(HaruError) -> [UInt8] {
            guard let handler else { return bytes }
            return try handler.encryptStream(bytes[...], number: number)
        }
        var objects: [Object] = []
        let ends = (offsets.map(\.offset) + [xrefStart]).sorted()
        for (number, offset) in offsets {
            guard let end = ends.first(where: { $0 > offset }) else { return nil }
            guard let object = object(number, at: offset, end: end) else { return nil }
            objects.append(object)
        }
        // Integer objects that are only a stream's /Length are folded into that stream.
        var lengths: [Int: Int] = [:]
        for object in objects where object.stream == nil && object.body.count <= 12 {
            let digits = object.body.filter { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }
            if !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text(digits[...])) {
                lengths[object.number] = value
            }
        }
        let size = (offsets.map(\.number).max() ?? 0) + 1
        var output = Array("%PDF-1.5\n%\u{B7}\u{BE}\u{AD}\u{AA}\n".unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        var entries = [(type: Int, field2: Int, field3: Int)](repeating: (0, 0, 0), count: size + 3)
        var packedBodies: [(number: Int, body: [UInt8])] = []
        var folded = Set<Int>()
        for object in objects {
            guard let stream = object.stream else { continue }
            guard let dictionary = directLength(stream.dictionary, lengths: lengths, folded: &folded),
                  let declared = Self.lengthValue(in: dictionary), declared == stream.data.count else { return nil }
            entries[object.number] = (1, output.count, 0)
            output += Array("\(object.number) 0 obj\n".utf8)
            // Strings in a stream dictionary would need encrypting one by one: libharu writes none.
            guard handler == nil || !Self.holdsString(dictionary) else { return nil }
            if deflating.contains(object.number) {
                guard Self.firstIndex(of: Self.filterKey, in: dictionary[...]) == nil else { return nil }
                var source = stream.data
                if let external = data[object.number] {
                    guard source.isEmpty else { return nil }
                    source = external[...]
                }
                let compressed = try sealed(try deflate(source), object.number)
                guard let flate = Self.flateDictionary(Self.compacted(dictionary), length: compressed.count) else { return nil }
                output += flate + Array("\nstream\n".utf8)
                output += compressed
            } else if handler != nil {
                let encrypted = try sealed(Array(stream.data), object.number)
                guard let resized = Self.withLength(Self.compacted(dictionary), encrypted.count) else { return nil }
                output += resized + Array("\nstream\n".utf8)
                output += encrypted
            } else {
                output += Self.compacted(dictionary) + Array("\nstream\n".utf8)
                output += stream.data
            }
            output += Array("\nendstream\nendobj\n".utf8)
        }
        for object in objects where object.stream == nil && !folded.contains(object.number) {
            packedBodies.append((object.number, Self.compacted(Array(object.body))))
        }
        // The object stream.
        let streamNumber = size, xrefNumber = size + 1, encryptNumber = size + 2
        var header = "", bodies: [UInt8] = []
        for (index, entry) in packedBodies.enumerated() {
            header += "\(entry.number) \(bodies.count) "
            bodies += entry.body
            bodies.append(0x0A)
            entries[entry.number] = (2, streamNumber, index)
        }
        let content = Array(header.utf8) + bodies
        let compressed = try sealed(try deflate(content[...]), streamNumber)
        entries[streamNumber] = (1, output.count, 0)
        output += Array(("\(streamNumber) 0 obj\n<</Type/ObjStm/N \(packedBodies.count)/First \(header.utf8.count)"
                         + "/Filter/FlateDecode/Length \(compressed.count)>>\nstream\n").utf8)
        output += compressed
        output += Array("\nendstream\nendobj\n".utf8)
        if let handler {
            entries[encryptNumber] = (1, output.count, 0)
            output += Array("\(encryptNumber) 0 obj\n\(handler.dictionary)\nendobj\n".utf8)
        }
        // The cross-reference stream.
        let xrefOffset = output.count
        entries[xrefNumber] = (1, xrefOffset, 0)
        entries[0] = (0, 0, 0)  // the head of the free list
        if handler == nil { entries.removeLast() }
        let width2 = Self.byteWidth(entries.map(\.field2).max() ?? 0)
        let width3 = Self.byteWidth(entries.map(\.field3).max() ?? 0)
        var table: [UInt8] = []
        table.reserveCapacity(entries.count * (1 + width2 + width3))
        for entry in entries {
            table.append(UInt8(entry.type))
            for shift in stride(from: (width2 - 1) * 8, through: 0, by: -8) { table.append(UInt8(truncatingIfNeeded: entry.field2 >> shift)) }
            for shift in stride(from: (width3 - 1) * 8, through: 0, by: -8) { table.append(UInt8(truncatingIfNeeded: entry.field3 >> shift)) }
        }
        // Left uncompressed: ~20 bytes more than deflated, and one deflate less.
        var trailerText = "/Type/XRef/Size \(entries.count)/W[1 \(width2) \(width3)]/Root \(root)"
        if let info { trailerText += "/Info \(info)" }
        if handler != nil { trailerText += "/Encrypt \(encryptNumber) 0 R" }
        if let identifier {
            let hex = identifier.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined()
            trailerText += "/ID[<\(hex)><\(hex)>]"
        }
        output += Array("\(xrefNumber) 0 obj\n<<\(trailerText)/Length \(table.count)>>\nstream\n".utf8)
        output += table
        output += Array("\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return output
    }

    static let filterKey = Array("/Filter".utf8)

    /// A compacted stream dictionary with its /Length set to `length` and
    /// /Filter/FlateDecode added; nil without a direct /Length.
    static func flateDictionary(_ dictionary: [UInt8], length: Int) -> [UInt8]? {
        guard let resized = withLength(dictionary, length) else { return nil }
        return resized.dropLast(2) + Array("/Filter/FlateDecode>>".utf8)
    }

    /// A compacted stream dictionary with its direct /Length set to `length`; nil without one.
    static func withLength(_ dictionary: [UInt8], _ length: Int) -> [UInt8]? {
        guard let key = firstIndex(of: lengthKey, in: dictionary[...]), dictionary.count >= 4,
              dictionary.suffix(2).elementsEqual(">>".utf8) else { return nil }
        let start = key + lengthKey.count
        var end = start
        while end < dictionary.count, dictionary[end] >= 0x30, dictionary[end] <= 0x39 { end += 1 }
        guard end > start else { return nil }
        return Array(dictionary[..<start]) + Array("\(length)".utf8) + dictionary[end...]
    }

    /// Whether a dictionary holds a literal or hexadecimal string.
    static func holdsString(_ dictionary: [UInt8]) -> Bool {
        for (index, byte) in dictionary.enumerated() {
            if byte == UInt8(ascii: "(") { return true }
            if byte == UInt8(ascii: "<"), dictionary[(index + 1)...].first != UInt8(ascii: "<"),
               index == 0 || dictionary[index - 1] != UInt8(ascii: "<") { return true }
        }
        return false
    }

    /// SHA-256 of the unencrypted content: libharu's file and the stream data kept apart.
    func contentDigest(_ data: [Int: [UInt8]]) -> [UInt8] {
        var content = file
        for number in data.keys.sorted() { content += data[number] ?? [] }
        return Crypto.sha256(content)
    }

    static func byteWidth(_ value: Int) -> Int {
        var width = 1
        while width < 4, value >> (width * 8) != 0 { width += 1 }
        return width
    }
}

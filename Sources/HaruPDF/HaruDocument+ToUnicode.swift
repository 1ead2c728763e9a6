import Synchronization

/// The streams of a font drawn in UTF-8 mode: a correct ToUnicode CMap, and both streams
/// deflated.
///
/// libharu 2.3.0 reuses its code-to-CID CMap (`begincidrange`) as the ToUnicode map, which
/// the PDF specification does not allow (poppler warns "Invalid 'begincidrange' operator
/// in ToUnicode CMap"). In UTF-8 mode each character is drawn as a two-byte code equal to
/// its Unicode value, so the right map lists exactly the characters used; it
/// replaces the content of libharu's stream (a new stream would leave libharu's in the file).
/// libharu gives that stream and the 128 KB /CIDToGIDMap the font's filter only while
/// saving, after HaruPDF took the filters over, so both would be written uncompressed;
/// marked for deflating here, they are deflated with the document's other streams.
extension HaruDocument {
    func replaceToUnicode(of font: HaruFont, scalars: [Unicode.Scalar]) throws(HaruError) {
        let pairs = scalars.map { (code: $0.value, unicode: $0.value) }
        try internals.replaceToUnicode(of: font, with: ToUnicodeMap.cmap(pairs, codeBytes: 2))
    }
}

/// Single-byte faces: one ToUnicode CMap per compact code table, shared by its fonts.
extension HaruDocument {
    func addToUnicode(_ fonts: [(font: HaruFont, group: Int)], tables: [CompactEncoding]) throws(HaruError) {
        let internals = internals
        var streams: [Int: HaruDictionary] = [:]
        for (font, group) in fonts where tables.indices.contains(group) {
            let stream: HaruDictionary
            if let shared = streams[group] {
                stream = shared
            } else {
                stream = try internals.stream(SingleByteToUnicode.shared.cmap(for: tables[group]), deflated: true)
                streams[group] = stream
            }
            try internals.add(["ToUnicode": .dictionary(stream)], to: HaruDictionary(font))
        }
    }
}

/// The ToUnicode CMaps of the last compact code tables met in this process: a document's
/// table depends on its characters and how often each is drawn, which repeat from card to
/// card. Bounded (`capacity` tables); a kept map is the one `ToUnicodeMap.cmap` makes.
final class SingleByteToUnicode: Sendable {
    static let shared = SingleByteToUnicode(capacity: 16)

    private let capacity: Int
    /// Oldest first.
    private let maps = Mutex<[(unicodes: [UInt16], cmap: [UInt8])]>([])

    init(capacity: Int) {
        self.capacity = capacity
    }

    func cmap(for table: CompactEncoding) -> [UInt8] {
        let unicodes = table.unicodes
        if let kept = maps.withLock({ maps in maps.last { $0.unicodes == unicodes }?.cmap }) { return kept }
        let pairs = unicodes.enumerated().map { (code: UInt32($0.offset), unicode: UInt32($0.element)) }
        let cmap = ToUnicodeMap.cmap(pairs, codeBytes: 1)
        maps.withLock { maps in
            guard !maps.contains(where: { $0.unicodes == unicodes }) else { return }
            if maps.count >= capacity { maps.removeFirst(maps.count - capacity + 1) }
            maps.append((unicodes, cmap))
        }
        return cmap
    }

    /// How many tables are kept.
    var count: Int { maps.withLock { $0.count } }
}

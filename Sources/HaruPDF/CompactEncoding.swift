/// A single-byte code table Talon builds for the faces of one document, instead of a fixed
/// code page: every printable ASCII character keeps its own code, and every other character
/// gets a code nobody uses, the most frequent ones first in codes a PDF literal string holds
/// as one byte (printable ASCII that needs no escape; any other code costs four bytes,
/// "\ooo"). So English and Ukrainian text, or any mix of up to 224 BMP characters, is drawn
/// in one byte per character, the font's /Widths span only the codes used and /Differences
/// list only the characters that are not WinAnsi at their code.
struct CompactEncoding: Equatable {
    /// The Unicode value of each code 0...255; 0 where no character is assigned.
    private(set) var unicodes: [UInt16]
    /// The code of each character.
    private(set) var codes: Assignments

    /// Codes in the order they are handed out to characters outside printable ASCII: first
    /// the printable ASCII codes that a literal string holds unescaped, then the others.
    static let slotOrder: [UInt8] = {
        let cheap = (0x21...0x7E).filter { !needsEscape(UInt8($0)) }.map(UInt8.init)
        let rest = (0x21...0xFF).filter { needsEscape(UInt8($0)) }.map(UInt8.init)
        return cheap + rest
    }()

    /// Whether libharu writes `code` as an octal escape inside a literal string (its
    /// HPDF_NEEDS_ESCAPE: control codes, codes above 0x7E and PDF delimiters).
    static func needsEscape(_ code: UInt8) -> Bool {
        code < 0x20 || code > 0x7E || Array("\\%#/()<>[]{}".utf8).contains(code)
    }

    /// `needsEscape` of each code 0...255.
    static let escapes: [Bool] = (0...255).map { needsEscape(UInt8($0)) }

    /// The table for `scalars`, or nil when they do not fit 224 codes or one of them cannot
    /// be drawn in a single-byte encoding (a control character, DEL, or beyond U+FFFF).
    /// - Parameter frequency: how often each character is drawn; frequent ones get the
    ///   cheapest codes. Ties go by scalar value, so the table depends only on the input.
    init?(_ scalars: Set<UInt32>, frequency: CharacterCounts = CharacterCounts()) {
        self.init(sorted: scalars.sorted(), frequency: frequency)
    }

    /// The table for `sorted` (ascending, without repeats); see `init(_:frequency:)`.
    init?(sorted scalars: [UInt32], frequency: CharacterCounts) {
        if let first = scalars.first, let last = scalars.last {
            guard first >= 0x20, last <= 0xFFFF, !scalars.contains(0x7F) else { return nil }
        }
        // Printable ASCII keeps its code; the others are ranked by count (descending), then
        // scalar (ascending), both packed in one key.
        let others = scalars.drop { $0 <= 0x7E }
        let ascii = scalars[..<others.startIndex]
        var taken = [Bool](repeating: false, count: 256)
        for scalar in ascii { taken[Int(scalar)] = true }
        let free = Self.slotOrder.filter { !taken[Int($0)] }
        guard others.count <= free.count else { return nil }
        var ranked = others.map { scalar in
            UInt64(UInt32.max - UInt32(clamping: frequency[scalar])) << 32 | UInt64(scalar)
        }
        ranked.sort()
        self.init(assigning: ranked.map { UInt32(truncatingIfNeeded: $0) }, free: free, ascii: ascii)
    }

    /// Gives the characters of `chosen` (most frequent first) the codes of `free` in order,
    /// and printable ASCII characters `ascii` their own.
    private init(assigning chosen: [UInt32], free: [UInt8], ascii: ArraySlice<UInt32>) {
        var unicodes = [UInt16](repeating: 0, count: 256)
        for scalar in ascii { unicodes[Int(scalar)] = UInt16(scalar) }
        // The most frequent characters take the codes that need no escape; within the cheap
        // codes and within the others, codes go up with the scalar, so the /Differences
        // names run in Unicode order ("/uni0430 /uni0431 ..."), which deflates better.
        let cheap = free.prefix { !Self.escapes[Int($0)] }.count
        let ordered = chosen.prefix(cheap).sorted() + chosen.dropFirst(cheap).sorted()
        var entries: [UInt32] = []
        entries.reserveCapacity(ascii.count + ordered.count)
        for scalar in ascii { entries.append(scalar << 8 | scalar) }
        for (code, scalar) in zip(free, ordered) {
            unicodes[Int(code)] = UInt16(scalar)
            entries.append(scalar << 8 | UInt32(code))
        }
        entries.sort()
        self.unicodes = unicodes
        self.codes = Assignments(entries: entries)
    }

    /// The code of each character of a table, looked up by binary search.
    struct Assignments: Equatable, Sequence {
        /// Scalar << 8 | code, ascending (so by scalar).
        fileprivate let entries: [UInt32]

        subscript(scalar: UInt32) -> UInt8? {
            guard scalar <= 0xFFFF else { return nil }
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle] >> 8 < scalar { low = middle + 1 } else { high = middle }
            }
            guard low < entries.count, entries[low] >> 8 == scalar else { return nil }
            return UInt8(truncatingIfNeeded: entries[low])
        }

        func makeIterator() -> some IteratorProtocol<(scalar: UInt32, code: UInt8)> {
            entries.lazy.map { (scalar: $0 >> 8, code: UInt8(truncatingIfNeeded: $0)) }.makeIterator()
        }
    }
}

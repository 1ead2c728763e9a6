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
    private(set) var codes: [UInt32: UInt8]

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
    init?(_ scalars: Set<UInt32>, frequency: [UInt32: Int] = [:]) {
        var unicodes = [UInt16](repeating: 0, count: 256)
        var others: [UInt32] = []
        others.reserveCapacity(scalars.count)
        for scalar in scalars {
            guard scalar >= 0x20, scalar != 0x7F, scalar <= 0xFFFF else { return nil }
            if scalar <= 0x7E {
                unicodes[Int(scalar)] = UInt16(scalar)
            } else {
                others.append(scalar)
            }
        }
        var ranked = others.map { (count: frequency[$0] ?? 0, scalar: $0) }
        ranked.sort { ($0.count, $1.scalar) > ($1.count, $0.scalar) }
        let free = Self.slotOrder.filter { unicodes[Int($0)] == 0 }
        guard ranked.count <= free.count else { return nil }
        // The most frequent characters take the codes that need no escape; within the cheap
        // codes and within the others, codes go up with the scalar, so the /Differences
        // names run in Unicode order ("/uni0430 /uni0431 ..."), which deflates better.
        let cheap = free.prefix { !Self.escapes[Int($0)] }.count
        let chosen = ranked.map(\.scalar)
        let ordered = chosen.prefix(cheap).sorted() + chosen.dropFirst(cheap).sorted()
        for (code, scalar) in zip(free, ordered) { unicodes[Int(code)] = UInt16(scalar) }
        var codes: [UInt32: UInt8] = [:]
        codes.reserveCapacity(scalars.count)
        for (code, unicode) in unicodes.enumerated() where unicode != 0 { codes[UInt32(unicode)] = UInt8(code) }
        self.unicodes = unicodes
        self.codes = codes
    }
}

/// ToUnicode CMaps (PDF 32000-1 9.10.3): which Unicode character each code of a font
/// draws, so text can be copied, searched and read aloud. A run of consecutive codes is one
/// `bfrange` (with an array of characters unless they follow each other), a lone code a
/// `bfchar` entry; at most 100 entries a block.
enum ToUnicodeMap {
    /// The CMap text for `pairs` (code, Unicode scalar below U+10000; the last pair of a code
    /// counts) with codes of `codeBytes` bytes (1 for a single-byte encoding, 2 for UTF-8
    /// mode's codes), as ASCII bytes.
    static func cmap(_ pairs: [(code: UInt32, unicode: UInt32)], codeBytes: Int) -> [UInt8] {
        let width = codeBytes * 2
        // Sorted by code, the last pair of each code kept.
        var sorted = pairs.enumerated().filter { $0.element.unicode > 0 && $0.element.unicode <= 0xFFFF }
        sorted.sort { ($0.element.code, $0.offset) < ($1.element.code, $1.offset) }
        var codes: [UInt32] = [], unicodes: [UInt32] = []
        codes.reserveCapacity(sorted.count)
        unicodes.reserveCapacity(sorted.count)
        for (_, pair) in sorted {
            if codes.last == pair.code {
                unicodes[unicodes.count - 1] = pair.unicode
            } else {
                codes.append(pair.code)
                unicodes.append(pair.unicode)
            }
        }
        var ranges: [ClosedRange<Int>] = [], singles: [Int] = []
        var start = 0
        while start < codes.count {
            // A run of consecutive codes (within one high byte) is one bfrange.
            var end = start
            while end + 1 < codes.count, codes[end + 1] == codes[end] + 1, codes[end + 1] >> 8 == codes[start] >> 8 {
                end += 1
            }
            if end == start { singles.append(start) } else { ranges.append(start...end) }
            start = end + 1
        }
        var text: [UInt8] = []
        text.reserveCapacity(400 + ranges.count * 40 + codes.count * 6 + singles.count * 14)
        text += Self.header
        text += "1 begincodespacerange".utf8
        appendHex(0, width, to: &text)
        appendHex(codeBytes == 1 ? 0xFF : 0xFFFF, width, to: &text)
        text += "endcodespacerange\n".utf8
        appendBlocks(of: ranges.count, "bfrange", to: &text) { index, text in
            let run = ranges[index]
            appendHex(codes[run.lowerBound], width, to: &text)
            appendHex(codes[run.upperBound], width, to: &text)
            // With the first character when the characters follow each other too (within
            // one high byte), else with an array.
            let first = unicodes[run.lowerBound]
            let following = run.allSatisfy { unicodes[$0] == first + UInt32($0 - run.lowerBound) && unicodes[$0] >> 8 == first >> 8 }
            if following {
                appendHex(first, 4, to: &text)
            } else {
                text.append(UInt8(ascii: "["))
                for index in run { appendHex(unicodes[index], 4, to: &text) }
                text.append(UInt8(ascii: "]"))
            }
        }
        appendBlocks(of: singles.count, "bfchar", to: &text) { index, text in
            appendHex(codes[singles[index]], width, to: &text)
            appendHex(unicodes[singles[index]], 4, to: &text)
        }
        return text + "endcmap CMapName currentdict/CMap defineresource pop end end\n".utf8
    }

    private static let header = Array(("/CIDInit/ProcSet findresource begin 12 dict begin begincmap"
        + "/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def"
        + "/CMapName/Adobe-Identity-UCS def/CMapType 2 def\n").utf8)

    /// `count` entries written by `entry`, in blocks of at most 100 ("n beginbfchar\n" ...
    /// "\nendbfchar\n"), one a line.
    private static func appendBlocks(of count: Int, _ keyword: String, to text: inout [UInt8],
                                     entry: (Int, inout [UInt8]) -> Void) {
        var index = 0
        while index < count {
            let end = min(index + 100, count)
            text += "\(end - index) begin\(keyword)\n".utf8
            for entryIndex in index..<end {
                if entryIndex > index { text.append(0x0A) }
                entry(entryIndex, &text)
            }
            text += "\nend\(keyword)\n".utf8
            index = end
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// "<" `value` in upper-case hexadecimal, at least `digits` digits, ">".
    private static func appendHex(_ value: UInt32, _ digits: Int, to text: inout [UInt8]) {
        var needed = digits
        while needed < 8, value >> (4 * UInt32(needed)) != 0 { needed += 1 }
        text.append(UInt8(ascii: "<"))
        for shift in stride(from: 4 * (needed - 1), through: 0, by: -4) { text.append(hexDigits[Int(value >> UInt32(shift) & 0xF)]) }
        text.append(UInt8(ascii: ">"))
    }
}

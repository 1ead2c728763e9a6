/// ToUnicode CMaps (PDF 32000-1 9.10.3): which Unicode character each code of a font
/// draws, so text can be copied, searched and read aloud. A run of consecutive codes is one
/// `bfrange` (with an array of characters unless they follow each other), a lone code a
/// `bfchar` entry; at most 100 entries a block.
enum ToUnicodeMap {
    /// The CMap text for `pairs` (code, Unicode scalar below U+10000) with codes of
    /// `codeBytes` bytes (1 for a single-byte encoding, 2 for UTF-8 mode's codes).
    static func cmap(_ pairs: [(code: UInt32, unicode: UInt32)], codeBytes: Int) -> String {
        let width = codeBytes * 2
        func hex(_ value: UInt32, _ digits: Int) -> String {
            "<" + String(value, radix: 16, uppercase: true).leftPadded(to: digits) + ">"
        }
        var unique: [UInt32: UInt32] = [:]
        for pair in pairs where pair.unicode > 0 && pair.unicode <= 0xFFFF { unique[pair.code] = pair.unicode }
        let sorted = unique.sorted { $0.key < $1.key }
        var ranges: [String] = [], singles: [String] = []
        var start = 0
        while start < sorted.count {
            // A run of consecutive codes (within one high byte) is one bfrange: with the first
            // character when the characters follow each other too, else with an array.
            var end = start
            while end + 1 < sorted.count, sorted[end + 1].key == sorted[end].key + 1,
                  sorted[end + 1].key >> 8 == sorted[start].key >> 8 { end += 1 }
            let run = sorted[start...end]
            let following = zip(run.dropFirst(), run).allSatisfy { $0.value == $1.value + 1 }
                && run.allSatisfy { $0.value >> 8 == sorted[start].value >> 8 }
            if end == start {
                singles.append(hex(sorted[start].key, width) + hex(sorted[start].value, 4))
            } else if following {
                ranges.append(hex(sorted[start].key, width) + hex(sorted[end].key, width) + hex(sorted[start].value, 4))
            } else {
                ranges.append(hex(sorted[start].key, width) + hex(sorted[end].key, width)
                              + "[" + run.map { hex($0.value, 4) }.joined() + "]")
            }
            start = end + 1
        }
        var text = "/CIDInit/ProcSet findresource begin 12 dict begin begincmap"
            + "/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def"
            + "/CMapName/Adobe-Identity-UCS def/CMapType 2 def\n"
            + "1 begincodespacerange\(hex(0, width))\(hex(codeBytes == 1 ? 0xFF : 0xFFFF, width))endcodespacerange\n"
        for (entries, keyword) in [(ranges, "bfrange"), (singles, "bfchar")] {
            var index = 0
            while index < entries.count {
                let block = entries[index..<min(index + 100, entries.count)]
                text += "\(block.count) begin\(keyword)\n" + block.joined(separator: "\n") + "\nend\(keyword)\n"
                index += 100
            }
        }
        return text + "endcmap CMapName currentdict/CMap defineresource pop end end\n"
    }
}

import Foundation

/// Reading libharu's output: the cross-reference table, the trailer and the objects.
extension ObjectStreamPacker {
    func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The first index of `needle` in `file[range]`.
    func find(_ needle: String, in range: Range<Int>) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, range.count >= pattern.count else { return nil }
        var index = range.lowerBound
        while index + pattern.count <= range.upperBound {
            if file[index] == first, file[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// The in-use objects (number, offset) of the one xref section, where that section
    /// starts, and the trailer text. Entries are read as libharu writes them: 20 bytes,
    /// "oooooooooo ggggg n\r\n".
    func crossReference() -> (offsets: [(number: Int, offset: Int)], start: Int, trailer: String)? {
        let tailStart = max(0, file.count - 64)
        guard let marker = lastIndex(of: "startxref", from: tailStart) else { return nil }
        let digits = text(file[(marker + 9)...]).split(whereSeparator: \.isWhitespace).first
        guard let digits, let start = Int(digits), start >= 0, start < marker else { return nil }
        let heading = Array("xref\n0 ".utf8)
        guard start + heading.count < marker, file[start..<start + heading.count].elementsEqual(heading) else { return nil }
        var cursor = start + heading.count
        guard let count = decimal(at: &cursor, end: marker), count >= 1, cursor < marker, file[cursor] == 0x0A else {
            return nil
        }
        cursor += 1
        guard cursor + count * 20 <= marker else { return nil }
        var offsets: [(number: Int, offset: Int)] = []
        offsets.reserveCapacity(count)
        for number in 0..<count {
            let entry = cursor + number * 20
            var position = entry
            guard let offset = decimal(at: &position, end: entry + 10), position == entry + 10,
                  file[entry + 10] == 0x20, file[(entry + 11)..<(entry + 16)].elementsEqual(Array("00000".utf8)) || number == 0,
                  file[entry + 16] == 0x20 else { return nil }
            guard number > 0, file[entry + 17] == UInt8(ascii: "n") else { continue }
            guard offset > 0, offset < start else { return nil }
            offsets.append((number, offset))
        }
        let trailer = text(file[(cursor + count * 20)..<marker])
        guard trailer.hasPrefix("trailer") else { return nil }
        return (offsets, start, trailer)
    }

    /// A run of decimal digits at `cursor` (before `end`), moving the cursor past it.
    private func decimal(at cursor: inout Int, end: Int) -> Int? {
        var value = 0, digits = 0
        while cursor < end, file[cursor] >= 0x30, file[cursor] <= 0x39, digits < 12 {
            value = value * 10 + Int(file[cursor] - 0x30)
            cursor += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    private func lastIndex(of needle: String, from lower: Int) -> Int? {
        var found: Int?, cursor = lower
        while let index = find(needle, in: cursor..<file.count) {
            found = index
            cursor = index + 1
        }
        return found
    }

    /// "N 0 R" after `key` in a dictionary text.
    func reference(after key: String, in dictionary: String) -> String? {
        guard let range = dictionary.range(of: key + " ") else { return nil }
        let words = dictionary[range.upperBound...].split(separator: " ", maxSplits: 3)
        guard words.count >= 3, Int(words[0]) != nil, words[1] == "0",
              words[2].hasPrefix("R") else { return nil }
        return "\(words[0]) 0 R"
    }

    /// The object `number` written at `offset`, ending before `end`.
    func object(_ number: Int, at offset: Int, end: Int) -> Object? {
        let head = Array("\(number) 0 obj\n".utf8)
        guard offset + head.count <= end, file[offset..<offset + head.count].elementsEqual(head) else { return nil }
        let tail = Array("endobj\n".utf8)
        guard end - tail.count >= offset + head.count, file[(end - tail.count)..<end].elementsEqual(tail) else {
            return nil
        }
        let body = file[(offset + head.count)..<(end - tail.count)]
        let streamEnd = Array("\nendstream\n".utf8)
        guard body.count > streamEnd.count, body.suffix(streamEnd.count).elementsEqual(streamEnd) else {
            return Object(number: number, body: body, stream: nil)
        }
        // A stream: "<<...>>\nstream\r\n" data "\nendstream\n". Stream dictionaries hold no
        // strings, so the first ">>\nstream" ends the dictionary.
        guard let keyword = find(">>\nstream", in: body.startIndex..<body.endIndex) else { return nil }
        var dataStart = keyword + 9
        if dataStart < body.endIndex, file[dataStart] == 0x0D { dataStart += 1 }
        guard dataStart < body.endIndex, file[dataStart] == 0x0A else { return nil }
        dataStart += 1
        let dataEnd = body.endIndex - streamEnd.count
        guard dataStart <= dataEnd else { return nil }
        return Object(number: number, body: body,
                      stream: (file[body.startIndex..<(keyword + 2)], file[dataStart..<dataEnd]))
    }

    /// The dictionary with "/Length N 0 R" replaced by the value of object N (recorded in
    /// `folded`); unchanged when its /Length is already direct.
    func directLength(_ dictionary: ArraySlice<UInt8>, lengths: [Int: Int], folded: inout Set<Int>) -> [UInt8]? {
        let source = text(dictionary)
        guard let key = source.range(of: "/Length ") else { return nil }
        let rest = source[key.upperBound...]
        let words = rest.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard words.count >= 3, let number = Int(words[0]), words[1] == "0", words[2].hasPrefix("R") else {
            return Array(dictionary)
        }
        guard let value = lengths[number] else { return nil }
        folded.insert(number)
        let referenceEnd = source.index(key.upperBound, offsetBy: words[0].count + 4)  // "N 0 R"
        return Array((source[..<key.upperBound] + "\(value)" + source[referenceEnd...]).utf8)
    }

    /// The direct /Length of a stream dictionary.
    static func lengthValue(in dictionary: [UInt8]) -> Int? {
        let source = String(decoding: dictionary, as: UTF8.self)
        guard let key = source.range(of: "/Length ") else { return nil }
        let digits = source[key.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }
}

extension ObjectStreamPacker {
    /// A stream dictionary without the whitespace libharu puts around names, brackets and
    /// line breaks ("<<\n/Length 12\n/Filter [ /FlateDecode ]\n>>" becomes
    /// "<</Length 12/Filter[/FlateDecode]>>"), and without the /Length2 and /Length3 of 0
    /// libharu adds to TrueType font files (they belong to Type 1 fonts). A dictionary
    /// holding a string is returned unchanged.
    static func compacted(_ dictionary: [UInt8]) -> [UInt8] {
        guard !dictionary.contains(UInt8(ascii: "(")) else { return dictionary }
        let delimiters = Set("/[]<>".utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var result: [UInt8] = []
        result.reserveCapacity(dictionary.count)
        var index = 0
        while index < dictionary.count {
            let byte = dictionary[index]
            if isSpace(byte) {
                var next = index
                while next < dictionary.count, isSpace(dictionary[next]) { next += 1 }
                let before = result.last, after = next < dictionary.count ? dictionary[next] : nil
                if let before, let after, !delimiters.contains(before), !delimiters.contains(after) {
                    result.append(0x20)
                }
                index = next
            } else {
                result.append(byte)
                index += 1
            }
        }
        var text = String(decoding: result, as: UTF8.self)
        for key in ["/Length2 0", "/Length3 0"] {
            if let range = text.range(of: key), range.upperBound == text.endIndex || !text[range.upperBound].isNumber {
                text.removeSubrange(range)
            }
        }
        return Array(text.utf8)
    }
}

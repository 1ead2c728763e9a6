import Foundation

/// Reading libharu's output: the cross-reference table, the trailer and the objects.
extension ObjectStreamPacker {
    func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The first index of `needle` in `file[range]`.
    func find(_ needle: String, in range: Range<Int>) -> Int? {
        Self.firstIndex(of: Array(needle.utf8), in: file[range])
    }

    /// The first index of `pattern` in `bytes` (an index of `bytes`' base).
    static func firstIndex(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = bytes.startIndex
        let last = bytes.endIndex - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    static let streamKeyword = Array(">>\nstream".utf8)
    static let objectEnd = Array("endobj\n".utf8)
    static let streamEnd = Array("\nendstream\n".utf8)
    static let lengthKey = Array("/Length ".utf8)

    /// The in-use objects (number, offset) of the one xref section, where that section
    /// starts, and the trailer text. Entries are read as libharu writes them: 20 bytes,
    /// "oooooooooo ggggg n\r\n".
    func crossReference() -> (offsets: [(number: Int, offset: Int)], start: Int, trailer: ArraySlice<UInt8>)? {
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
        let trailer = file[(cursor + count * 20)..<marker]
        guard trailer.starts(with: "trailer".utf8) else { return nil }
        return (offsets, start, trailer)
    }

    /// A run of decimal digits at `cursor` (before `end`), moving the cursor past it.
    func decimal(at cursor: inout Int, end: Int) -> Int? {
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

    /// "N 0 R" after `key` and one space in a dictionary of the file.
    func reference(after key: String, in dictionary: ArraySlice<UInt8>) -> String? {
        guard let found = Self.firstIndex(of: Array((key + " ").utf8), in: dictionary) else { return nil }
        var cursor = found + key.utf8.count + 1
        guard let number = referenceNumber(at: &cursor, end: dictionary.endIndex) else { return nil }
        return "\(number) 0 R"
    }

    /// The N of "N 0 R" at `cursor`, moving the cursor past the "R".
    private func referenceNumber(at cursor: inout Int, end: Int) -> Int? {
        guard let number = decimal(at: &cursor, end: end), cursor + 4 <= end, file[cursor] == 0x20,
              file[cursor + 1] == UInt8(ascii: "0"), file[cursor + 2] == 0x20, file[cursor + 3] == UInt8(ascii: "R")
        else { return nil }
        cursor += 4
        return number
    }

    /// The object `number` written at `offset`, ending before `end`.
    func object(_ number: Int, at offset: Int, end: Int) -> Object? {
        let head = Array("\(number) 0 obj\n".utf8)
        guard offset + head.count <= end, file[offset..<offset + head.count].elementsEqual(head) else { return nil }
        let tail = Self.objectEnd
        guard end - tail.count >= offset + head.count, file[(end - tail.count)..<end].elementsEqual(tail) else {
            return nil
        }
        let body = file[(offset + head.count)..<(end - tail.count)]
        let streamEnd = Self.streamEnd
        guard body.count > streamEnd.count, body.suffix(streamEnd.count).elementsEqual(streamEnd) else {
            return Object(number: number, body: body, stream: nil)
        }
        // A stream: "<<...>>\nstream\r\n" data "\nendstream\n". Stream dictionaries hold no
        // strings, so the first ">>\nstream" ends the dictionary.
        guard let keyword = Self.firstIndex(of: Self.streamKeyword, in: body) else { return nil }
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
        guard let key = Self.firstIndex(of: Self.lengthKey, in: dictionary) else { return nil }
        let valueStart = key + Self.lengthKey.count
        var cursor = valueStart
        guard let number = referenceNumber(at: &cursor, end: dictionary.endIndex) else { return Array(dictionary) }
        guard let value = lengths[number] else { return nil }
        folded.insert(number)
        var result = Array(dictionary[..<valueStart])
        result += "\(value)".utf8
        result += dictionary[cursor...]
        return result
    }

    /// The direct /Length of a stream dictionary.
    static func lengthValue(in dictionary: [UInt8]) -> Int? {
        guard let key = firstIndex(of: lengthKey, in: dictionary[...]) else { return nil }
        var value = 0, index = key + lengthKey.count
        let start = index
        while index < dictionary.count, dictionary[index] >= 0x30, dictionary[index] <= 0x39, index - start < 12 {
            value = value * 10 + Int(dictionary[index] - 0x30)
            index += 1
        }
        return index > start ? value : nil
    }
}

extension ObjectStreamPacker {
    /// An object (a stream dictionary, or one packed into the object stream) without the
    /// whitespace libharu puts around names, brackets and line breaks
    /// ("<<\n/Length 12\n/Filter [ /FlateDecode ]\n>>" becomes
    /// "<</Length 12/Filter[/FlateDecode]>>"). An object holding a literal string is
    /// returned unchanged.
    static func compacted(_ dictionary: [UInt8]) -> [UInt8] {
        guard !dictionary.contains(UInt8(ascii: "(")) else { return dictionary }
        func isDelimiter(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "/") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        }
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
                if let before, let after, !isDelimiter(before), !isDelimiter(after) {
                    result.append(0x20)
                }
                index = next
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }
}

import Foundation

/// Where a catalogue's keys are: the line of `"key":` at the start of a line (the
/// catalogue's own layout, one key a line), read as bytes. Only messages and template
/// names need it, so it is looked up per key rather than tabled for every catalogue loaded.
extension LocaleCatalogue {
    /// The first line of each quoted name that starts a line; with `wanted`, of those names only.
    static func keyLines(_ source: [UInt8], only wanted: Set<String>? = nil) -> [String: Int] {
        var lines: [String: Int] = [:]
        let lengths = wanted.map { Set($0.map { $0.utf8.count }) }
        forEachKeyLine(source) { name, number in
            // Most names are not wanted; their length tells without making a string.
            if let lengths, !lengths.contains(name.count) { return true }
            let key = String(decoding: name, as: UTF8.self)
            if lines[key] == nil, wanted?.contains(key) ?? true { lines[key] = number }
            return true
        }
        return lines
    }

    /// Where each key is defined: file and line (a later file's definition over an
    /// earlier one's). Worked out from the files' text on every call: for `talon check`.
    var origins: [String: (file: String, line: Int)] {
        var origins: [String: (file: String, line: Int)] = [:]
        for source in sources {
            let lines = Self.keyLines(source.bytes)
            for key in source.keys { origins[key] = (source.file, lines[key] ?? 1) }
        }
        return origins
    }

    /// `file:line` of each of `keys` this catalogue defines (the last file that defines it),
    /// looked up in one pass over each file.
    func origins(of keys: Set<String>) -> [String: String] {
        var origins: [String: String] = [:]
        for source in sources {
            let lines = Self.keyLines(source.bytes, only: keys)
            for key in source.keys where keys.contains(key) { origins[key] = "\(source.file):\(lines[key] ?? 1)" }
        }
        return origins
    }

    /// Calls `body` with the quoted name that starts a line (after blanks) and the line's
    /// number, line by line, until it returns false.
    private static func forEachKeyLine(_ source: [UInt8], _ body: (Slice<UnsafeBufferPointer<UInt8>>, Int) -> Bool) {
        source.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            var number = 0
            while start < bytes.count {
                number += 1
                // memchr: most of a catalogue is its texts, which this skips without looking.
                let end = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                    .map { UnsafeRawPointer(base).distance(to: $0) } ?? bytes.count
                var first = start
                while first < end, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") { first += 1 }
                if first < end, bytes[first] == UInt8(ascii: "\"") {
                    var close = first + 1
                    while close < end, bytes[close] != UInt8(ascii: "\"") { close += 1 }
                    if close < end, !body(bytes[(first + 1)..<close], number) { return }
                }
                start = end + 1
            }
        }
    }
}

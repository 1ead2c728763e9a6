/// Where a catalogue's keys are: the line of `"key":` at the start of a line (the
/// catalogue's own layout, one key a line), read as bytes. Only messages and template
/// names need it, so it is looked up per key rather than tabled for every catalogue loaded.
extension LocaleCatalogue {
    /// The first line of each quoted name that starts a line.
    static func keyLines(_ source: [UInt8]) -> [String: Int] {
        var lines: [String: Int] = [:]
        forEachKeyLine(source) { key, number in
            let key = String(decoding: key, as: UTF8.self)
            if lines[key] == nil { lines[key] = number }
            return true
        }
        return lines
    }

    /// The first line of `"key":` at the start of a line, as `keyLines` finds it.
    static func line(of key: String, in source: [UInt8]) -> Int? {
        let wanted = Array(key.utf8)
        var found: Int?
        wanted.withUnsafeBufferPointer { wanted in
            forEachKeyLine(source) { candidate, number in
                guard candidate.count == wanted.count, candidate.elementsEqual(wanted) else { return true }
                found = number
                return false
            }
        }
        return found
    }

    /// Calls `body` with the quoted name that starts a line (after blanks) and the line's
    /// number, line by line, until it returns false.
    private static func forEachKeyLine(_ source: [UInt8], _ body: (Slice<UnsafeBufferPointer<UInt8>>, Int) -> Bool) {
        source.withUnsafeBufferPointer { bytes in
            var start = 0
            var number = 0
            while start < bytes.count {
                number += 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
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

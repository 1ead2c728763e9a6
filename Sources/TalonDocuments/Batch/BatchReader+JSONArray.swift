extension BatchReader {
    /// The next element of a top-level JSON array. Elements are split by scanning
    /// brackets and strings, so only one element is held in memory at a time.
    func nextElement() throws(TalonError) -> BatchRecord? {
        if arrayState == .notStarted {
            guard try skipSpace() == UInt8(ascii: "[") else {
                throw .input(path: inputName, reason: "line \(line): expected a JSON array of records ('[')")
            }
            _ = try source.next()
            arrayState = .inside
            if try skipSpace() == UInt8(ascii: "]") {
                _ = try source.next()
                try finishArray()
                return nil
            }
        }
        guard arrayState == .inside else { return nil }
        _ = try skipSpace()
        let start = line
        var bytes: [UInt8] = []
        var depth = 0, inString = false, escaped = false
        while let byte = try source.next() {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                bytes.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 {
                    // The closing bracket of the array itself.
                    try finishArray()
                    return record(bytes, line: start)
                }
                depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                return record(bytes, line: start)
            default:
                break
            }
            bytes.append(byte)
        }
        throw .input(path: inputName, reason: "line \(line): the JSON array is not closed (missing ']')")
    }

    private func record(_ bytes: [UInt8], line start: Int) -> BatchRecord {
        recordCount += 1
        return BatchRecord(number: recordCount, line: start, value: Self.parse(bytes))
    }

    /// After the closing bracket only white space may follow.
    private func finishArray() throws(TalonError) {
        arrayState = .finished
        if try skipSpace() != nil {
            throw .input(path: inputName, reason: "line \(line): unexpected text after the JSON array")
        }
    }

    /// Skips white space and returns the next byte without consuming it.
    private func skipSpace() throws(TalonError) -> UInt8? {
        while let byte = try source.peek(), Self.isSpace(byte) {
            if byte == UInt8(ascii: "\n") { line += 1 }
            _ = try source.next()
        }
        return try source.peek()
    }
}

/// The bit reader and output cursor of one decompression.
struct InflateState: ~Copyable {
    var reader: DeflateBitReader
    let output: UnsafeMutableBufferPointer<UInt8>
    var written = 0
    let window: Int

    init(input: UnsafeBufferPointer<UInt8>, position: Int, output: UnsafeMutableBufferPointer<UInt8>, window: Int) {
        self.reader = DeflateBitReader(input: input, position: position)
        self.output = output
        self.window = window
    }

    mutating func bits(_ width: Int) throws(DeflateFailure) -> Int {
        try reader.bits(width)
    }

    mutating func run() throws(DeflateFailure) {
        var final = false
        while !final {
            final = try bits(1) == 1
            switch try bits(2) {
            case 0: try storedBlock()
            case 1: try codedBlock(literals: HuffmanTable.fixedLiterals, distances: HuffmanTable.fixedDistances)
            case 2:
                let (literals, distances) = try dynamicTables()
                try codedBlock(literals: literals, distances: distances)
            default: throw DeflateFailure("invalid block type")
            }
        }
        guard written == output.count else {
            throw DeflateFailure("image data is \(written) bytes, expected \(output.count)")
        }
        // The Adler-32 trailer starts at the next byte boundary.
        reader.alignToByte()
        var stored: UInt32 = 0
        for _ in 0..<4 { stored = stored << 8 | UInt32(try bits(8)) }
        guard stored == Adler32.checksum(UnsafeBufferPointer(output)) else {
            throw DeflateFailure("Adler-32 mismatch")
        }
    }

    mutating func storedBlock() throws(DeflateFailure) {
        reader.alignToByte()
        let length = try bits(16)
        let complement = try bits(16)
        guard length == complement ^ 0xFFFF else { throw DeflateFailure("stored block length check fails") }
        reader.releaseBufferedBytes()
        let input = reader.input, position = reader.position
        guard length <= input.count - position else { throw DeflateFailure("stream ends early") }
        guard length <= output.count - written else { throw DeflateFailure("more data than the image needs") }
        for offset in 0..<length { output[written + offset] = input[position + offset] }
        reader.position += length
        written += length
    }
    mutating func dynamicTables() throws(DeflateFailure) -> (HuffmanTable, HuffmanTable) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286 else { throw DeflateFailure("too many literal/length codes") }
        guard distanceCount <= 30 else { throw DeflateFailure("too many distance codes") }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[Inflater.codeLengthOrder[index]] = UInt8(try bits(3))
        }
        let codeLengths = try HuffmanTable(lengths: codeLengthLengths[...], name: "code length")
        var lengths = [UInt8](repeating: 0, count: literalCount + distanceCount)
        var index = 0
        try codeLengths.entries.withUnsafeBufferPointer { (table) throws(DeflateFailure) in
            while index < lengths.count {
                let code = try reader.symbol(table, bits: codeLengths.bits)
                if code < 16 {
                    lengths[index] = UInt8(code)
                    index += 1
                    continue
                }
                var value: UInt8 = 0
                let repeats: Int
                switch code {
                case 16:
                    guard index > 0 else { throw DeflateFailure("repeat with no previous code length") }
                    value = lengths[index - 1]
                    repeats = 3 + (try bits(2))
                case 17: repeats = 3 + (try bits(3))
                default: repeats = 11 + (try bits(7))
                }
                guard repeats <= lengths.count - index else { throw DeflateFailure("too many code lengths") }
                for _ in 0..<repeats {
                    lengths[index] = value
                    index += 1
                }
            }
        }
        guard lengths[256] != 0 else { throw DeflateFailure("no end-of-block code") }
        let literals = try HuffmanTable(lengths: lengths[0..<literalCount], name: "literal/length")
        let distances = try HuffmanTable(lengths: lengths[literalCount...], name: "distance")
        return (literals, distances)
    }

    /// Decodes one Huffman-coded block: the hot loop, working on local copies of the
    /// reader and cursor.
    mutating func codedBlock(literals: HuffmanTable, distances: HuffmanTable) throws(DeflateFailure) {
        let literalBits = literals.bits, distanceBits = distances.bits
        // Local copies: no lazy-global access check inside the loop.
        let lengthBase = Inflater.lengthBase, lengthExtra = Inflater.lengthExtra
        let distanceBase = Inflater.distanceBase, distanceExtra = Inflater.distanceExtra
        let output = self.output, window = self.window
        var reader = self.reader, written = self.written
        defer {
            self.reader = reader
            self.written = written
        }
        try literals.entries.withUnsafeBufferPointer { (literalTable) throws(DeflateFailure) in
            try distances.entries.withUnsafeBufferPointer { (distanceTable) throws(DeflateFailure) in
                while true {
                    let code = try reader.symbol(literalTable, bits: literalBits)
                    if code < 256 {
                        guard written < output.count else { throw DeflateFailure("more data than the image needs") }
                        output[written] = UInt8(truncatingIfNeeded: code)
                        written += 1
                        continue
                    }
                    if code == 256 { return }
                    guard code <= 285 else { throw DeflateFailure("invalid length code") }
                    let length = lengthBase[code - 257] + (try reader.bits(lengthExtra[code - 257]))
                    let distanceCode = try reader.symbol(distanceTable, bits: distanceBits)
                    guard distanceCode < 30 else { throw DeflateFailure("invalid distance code") }
                    let distance = distanceBase[distanceCode] + (try reader.bits(distanceExtra[distanceCode]))
                    guard distance <= written else { throw DeflateFailure("distance reaches before the start of the data") }
                    guard distance <= window else { throw DeflateFailure("distance beyond the window") }
                    guard length <= output.count - written else { throw DeflateFailure("more data than the image needs") }
                    var from = written - distance
                    for _ in 0..<length {
                        output[written] = output[from]
                        written += 1
                        from += 1
                    }
                }
            }
        }
    }
}

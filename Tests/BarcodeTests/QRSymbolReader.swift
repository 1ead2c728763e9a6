@testable import Barcode

/// Reads a QR symbol the way a decoder would after sampling: format information from both
/// copies, and codewords by undoing the mask and walking the placement zigzag.
struct QRSymbolReader {
    let symbol: MatrixSymbol

    init(_ symbol: MatrixSymbol) { self.symbol = symbol }

    /// Bits 14...0 around the top-left finder: column 8 downwards (rows 0-5, 7, 8) give bits 0-7,
    /// row 8 from column 7 leftwards (7, 5, 4, 3, 2, 1, 0) give bits 8-14.
    var formatBits: Int {
        let places = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8),
                      (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
        var bits = 0
        for (index, place) in places.enumerated() where symbol[place.0, place.1] { bits |= 1 << index }
        return bits
    }

    /// The copy split between the top-right and bottom-left finders.
    var secondFormatBits: Int {
        let size = symbol.size
        var bits = 0
        for index in 0..<8 where symbol[size - 1 - index, 8] { bits |= 1 << index }
        for index in 8..<15 where symbol[8, size - 15 + index] { bits |= 1 << index }
        return bits
    }

    func codewords(version: Int) -> [UInt8] {
        let mask = (formatBits ^ 0x5412) >> 10 & 0b111
        let reserved = QRMatrix(version: version).reserved
        let size = symbol.size
        var bits: [Bool] = []
        var column = size - 1
        var upward = true
        while column > 0 {
            if column == 6 { column -= 1 }
            let rows = upward ? Array((0..<size).reversed()) : Array(0..<size)
            for y in rows {
                for x in [column, column - 1] where !reserved[y * size + x] {
                    bits.append(symbol[x, y] != QRMatrix.masks(mask, x: x, y: y))
                }
            }
            upward.toggle()
            column -= 2
        }
        var codewords: [UInt8] = []
        for start in stride(from: 0, to: bits.count - 7, by: 8) {
            var byte: UInt8 = 0
            for bit in bits[start..<(start + 8)] { byte = byte << 1 | (bit ? 1 : 0) }
            codewords.append(byte)
        }
        return codewords
    }
}

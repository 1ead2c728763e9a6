/// A QR Code symbol under construction: modules plus which of them belong to function
/// patterns (finders, separators, timing, alignment, format and version information).
struct QRMatrix: Sendable {
    let version: Int
    let size: Int
    /// Row-major, dark = true.
    var modules: [Bool]
    /// Row-major, true where a function pattern sits (data never goes there, masks skip it).
    var reserved: [Bool]

    /// The function patterns of `version`, with format information reserved (all light).
    init(version: Int) {
        self.version = version
        size = QRCode.size(ofVersion: version)
        modules = [Bool](repeating: false, count: size * size)
        reserved = modules
        for index in 0..<size {
            set(6, index, index % 2 == 0)
            set(index, 6, index % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] { drawFinder(centreX: x, centreY: y) }
        let centres = QRCode.alignmentCentres(version: version)
        if let first = centres.first, let last = centres.last {
            for x in centres {
                for y in centres where !(x == first && y == first) && !(x == first && y == last)
                    && !(x == last && y == first) {
                    drawAlignment(centreX: x, centreY: y)
                }
            }
        }
        drawFormatBits(0)
        if version >= 7 { drawVersionInformation() }
    }

    subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// Sets a function module.
    mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y * size + x] = dark
        reserved[y * size + x] = true
    }

    /// A 7×7 finder with its light separator ring, clipped to the symbol.
    private mutating func drawFinder(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centreX + dx, y = centreY + dy
                guard x >= 0 && x < size && y >= 0 && y < size else { continue }
                let ring = max(abs(dx), abs(dy))
                set(x, y, ring != 2 && ring != 4)
            }
        }
    }

    /// A 5×5 alignment pattern: dark centre, light ring, dark ring.
    private mutating func drawAlignment(centreX: Int, centreY: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(centreX + dx, centreY + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// Writes the 15 format bits (bit 14 first in reading order) in both places,
    /// and the dark module above the bottom-left finder.
    mutating func drawFormatBits(_ bits: Int) {
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 != 0 }
        // Around the top-left finder: bits 0-7 down column 8 (skipping the timing row),
        // bits 8-14 leftwards along row 8 (skipping the timing column).
        for index in 0...5 { set(8, index, bit(index)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for index in 9...14 { set(14 - index, 8, bit(index)) }
        // Second copy: bits 0-7 along row 8 from the right edge, bits 8-14 up column 8 at the bottom.
        for index in 0...7 { set(size - 1 - index, 8, bit(index)) }
        for index in 8...14 { set(8, size - 15 + index, bit(index)) }
        set(8, size - 8, true)
    }

    /// Level and mask protected by the (15, 5) BCH code, then XORed with 101010000010010.
    static func formatBits(level: QRCode.ErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        return (data << 10 | bchRemainder(data << 10, generator: 0b101_0011_0111, degree: 10)) ^ 0x5412
    }

    /// Version number protected by the (18, 6) BCH code.
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(version << 12, generator: 0b1_1111_0010_0101, degree: 12)
    }

    /// Remainder of polynomial division over GF(2).
    static func bchRemainder(_ value: Int, generator: Int, degree: Int) -> Int {
        var remainder = value
        var top = 31
        while top >= degree {
            if remainder & (1 << top) != 0 { remainder ^= generator << (top - degree) }
            top -= 1
        }
        return remainder
    }

    mutating func drawFormatInformation(level: QRCode.ErrorCorrection, mask: Int) {
        drawFormatBits(Self.formatBits(level: level, mask: mask))
    }

    /// Two 6×3 blocks: above the bottom-left finder and left of the top-right one.
    private mutating func drawVersionInformation() {
        let bits = Self.versionBits(version: version)
        for index in 0..<18 {
            let dark = (bits >> index) & 1 != 0
            let across = size - 11 + index % 3, along = index / 3
            set(across, along, dark)
            set(along, across, dark)
        }
    }

    /// Places codewords most significant bit first in two-module columns, zigzagging upwards
    /// and downwards from the bottom-right corner, skipping the vertical timing column.
    /// Modules left over (remainder bits) stay light.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        let totalBits = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        var upward = true
        while right >= 1 {
            if right == 6 { right = 5 }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in stride(from: right, through: right - 1, by: -1)
                where !reserved[y * size + x] && bitIndex < totalBits {
                    modules[y * size + x] = codewords[bitIndex / 8] & (0x80 >> (bitIndex % 8)) != 0
                    bitIndex += 1
                }
            }
            upward.toggle()
            right -= 2
        }
    }
}

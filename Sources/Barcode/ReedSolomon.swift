/// Reed-Solomon error correction over GF(256) with the QR Code field polynomial
/// x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and generator roots α^0 ... α^(n-1).
struct ReedSolomon: Sendable {
    /// α^i for i in 0..<255 (index 255 repeats α^0 so products need no modulo).
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        for power in 255..<512 { table[power] = table[power - 255] }
        return table
    }()

    /// log_α(v) for v in 1...255 (index 0 unused).
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 { table[Int(exponents[power])] = power }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        guard a != 0 && b != 0 else { return 0 }
        return exponents[logarithms[Int(a)] + logarithms[Int(b)]]
    }

    /// Generator polynomial coefficients, highest degree first without the leading 1.
    let generator: [UInt8]

    /// A coder that appends `count` error-correction codewords.
    init(count: Int) {
        // Multiply (x - α^0)(x - α^1)...; in GF(2^8) minus is plus.
        var polynomial: [UInt8] = [1]
        for root in 0..<count {
            var next = [UInt8](repeating: 0, count: polynomial.count + 1)
            for (index, coefficient) in polynomial.enumerated() {
                next[index] ^= coefficient
                next[index + 1] ^= Self.multiply(coefficient, Self.exponents[root])
            }
            polynomial = next
        }
        generator = Array(polynomial.dropFirst())
    }

    /// The remainder of data·x^n divided by the generator: the error-correction codewords.
    func remainder(of data: some Sequence<UInt8>) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        guard !remainder.isEmpty else { return [] }
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            if factor != 0 {
                let logFactor = Self.logarithms[Int(factor)]
                for index in remainder.indices where generator[index] != 0 {
                    remainder[index] ^= Self.exponents[logFactor + Self.logarithms[Int(generator[index])]]
                }
            }
        }
        return remainder
    }
}

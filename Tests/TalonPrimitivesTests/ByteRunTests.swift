import Testing
import TalonPrimitives

/// `ByteRun.equal` compares every byte, in whole words and in the tail after them.
@Suite struct ByteRunTests {
    @Test func equalSeesEveryByteAndTheLength() {
        let base = (0..<27).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        base.withUnsafeBytes { left in
            Array(base).withUnsafeBytes { right in #expect(ByteRun.equal(left, right)) }
            base.dropLast().withUnsafeBytes { right in #expect(!ByteRun.equal(left, right)) }
        }
        for position in [0, 7, 8, 23, 24, 26] {
            var changed = base
            changed[position] ^= 0x80
            let same = base.withUnsafeBytes { left in changed.withUnsafeBytes { right in ByteRun.equal(left, right) } }
            #expect(!same, "byte \(position)")
        }
    }
}

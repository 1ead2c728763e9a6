import Foundation
import Testing
@testable import HaruPDF

/// Streams deflated before come from the cache with the same bytes; the cache keeps only
/// large streams and stays within its budget, oldest entries going first.
@Suite struct DeflateCacheTests {
    /// A stand-in compressor that counts its calls.
    final class Counter {
        var calls = 0
        func deflate(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            calls += 1
            return Array(bytes.reversed().prefix(100))
        }
    }

    static func stream(_ seed: UInt8, count: Int = 2048) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) ^ seed }
    }

    @Test func aRepeatedStreamIsDeflatedOnce() throws {
        let cache = DeflateCache(budget: 1 << 20), counter = Counter()
        let first = try cache.deflated(Self.stream(1)[...]) { counter.deflate($0) }
        let again = try cache.deflated(Self.stream(1)[...]) { counter.deflate($0) }
        #expect(first == again && counter.calls == 1)
        let other = try cache.deflated(Self.stream(2)[...]) { counter.deflate($0) }
        #expect(other != first && counter.calls == 2, "an equal-length stream with other bytes is its own entry")
        let small = Array(Self.stream(3).prefix(DeflateCache.smallest - 1))
        for _ in 0..<2 { _ = try cache.deflated(small[...]) { counter.deflate($0) } }
        #expect(counter.calls == 4, "small streams are not kept")
    }

    /// One byte changed anywhere (a card number in the middle, the last byte of a tail
    /// shorter than a word) changes the fingerprint; a stream that only shares a fingerprint
    /// would still be compared whole before its entry is used.
    @Test func everyByteCountsInTheFingerprint() {
        let base = Self.stream(7, count: 1027)
        let fingerprint = DeflateCache.fingerprint(base[...])
        #expect(DeflateCache.fingerprint(Array(base)[...]) == fingerprint)
        for position in [0, 7, 8, 513, 1023, 1024, 1026] {
            var changed = base
            changed[position] ^= 0x01
            #expect(DeflateCache.fingerprint(changed[...]) != fingerprint, "byte \(position)")
        }
        #expect(DeflateCache.fingerprint(base.dropLast()) != fingerprint, "the length counts")
        #expect(DeflateCache.fingerprint(base[1...]) == DeflateCache.fingerprint(Array(base[1...])[...]), "a slice hashes its own bytes")
    }

    @Test func theCacheStaysWithinItsBudgetDroppingTheOldest() throws {
        let cache = DeflateCache(budget: 10_000), counter = Counter()
        for seed in 0..<20 { _ = try cache.deflated(Self.stream(UInt8(seed))[...]) { counter.deflate($0) } }
        #expect(counter.calls == 20)
        #expect(cache.keptBytes <= 10_000 && cache.keptBytes >= 2 * (2048 + 100))
        _ = try cache.deflated(Self.stream(19)[...]) { counter.deflate($0) }
        #expect(counter.calls == 20, "the newest is kept")
        _ = try cache.deflated(Self.stream(0)[...]) { counter.deflate($0) }
        #expect(counter.calls == 21, "the oldest was dropped")
    }

    @Test func cachedBytesAreThoseOfAFreshCompression() throws {
        let text = Array(String(repeating: "BT /F1 9 Tf (Warranty terms) Tj ET\n", count: 200).utf8)
        let deflater = Deflater()
        let first = try deflater.deflated(text[...]), cached = try deflater.deflated(text[...])
        let direct = try deflater.compressed(text[...])
        #expect(first == cached && cached == direct)
        #expect(try AttachedDataReader.inflated(cached[...]) == text)
    }
}

import Synchronization
import TalonPrimitives

/// What parsing a piece of source text gave, kept for the next time the same text comes by:
/// most of a document's markup (the brand's terms, a coupon's fields) is the same on every
/// document of a locale. The key is the exact text: one or more ranges of a `SourceText`'s
/// bytes (a line feed between ranges, which no range holds). A value must be what parsing
/// that text gives wherever it stands, so callers keep nothing that depends on the line it
/// came from (offsets are kept relative to the key's start) and never keep a failed parse.
///
/// Bounded: when the texts kept would pass `budget` bytes, everything is dropped and the
/// memo fills again. Thread-safe (documents are parsed on several threads).
final class SourceMemo<Value: Sendable>: Sendable {
    private struct Entry {
        var key: [UInt8]
        var value: Value
    }

    private struct State {
        var entries: [Int: [Entry]] = [:]
        var bytes = 0
    }

    /// Bytes of key text held at most.
    let budget: Int
    private let state = Mutex(State())

    init(budget: Int) {
        self.budget = budget
    }

    /// The value kept for the text of `ranges` in `bytes`, with the key's hash.
    func value(in bytes: UnsafeBufferPointer<UInt8>, _ ranges: some Collection<Range<Int>>)
        -> (value: Value?, hash: Int) {
        let hash = Self.hash(bytes, ranges)
        let value: Value? = state.withLock { state in
            guard let bucket = state.entries[hash] else { return nil }
            for entry in bucket where Self.matches(entry.key, bytes, ranges) { return entry.value }
            return nil
        }
        return (value, hash)
    }

    /// Keeps `value` for the text of `ranges` (`hash` from `value(in:_:)`).
    func keep(_ value: Value, in bytes: UnsafeBufferPointer<UInt8>, _ ranges: some Collection<Range<Int>>,
              hash: Int) {
        var length = -1
        for range in ranges { length += range.count + 1 }
        guard length <= budget / 4 else { return }
        var key: [UInt8] = []
        key.reserveCapacity(max(0, length))
        for (index, range) in ranges.enumerated() {
            if index > 0 { key.append(UInt8(ascii: "\n")) }
            key.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
        state.withLock { state in
            if state.bytes + key.count > budget {
                state.entries.removeAll()
                state.bytes = 0
            }
            state.entries[hash, default: []].append(Entry(key: key, value: value))
            state.bytes += key.count
        }
    }

    /// The ranges' fingerprints (`ByteRun`, eight bytes at a time) folded together: the memo
    /// looks up every text it parses, so this must cost far less than the parse.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: some Collection<Range<Int>>) -> Int {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        for range in ranges {
            let fingerprint = ByteRun.fingerprint(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
            hash = (hash ^ UInt64(bitPattern: Int64(fingerprint))) &* 0x9E37_79B9_7F4A_7C15
            hash = hash << 29 | hash >> 35
        }
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }

    private static func matches(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>,
                                _ ranges: some Collection<Range<Int>>) -> Bool {
        var length = -1
        for range in ranges { length += range.count + 1 }
        guard key.count == max(0, length) else { return false }
        return key.withUnsafeBytes { key in
            var position = 0
            for (index, range) in ranges.enumerated() {
                if index > 0 {
                    guard key[position] == UInt8(ascii: "\n") else { return false }
                    position += 1
                }
                guard ByteRun.equal(UnsafeRawBufferPointer(rebasing: key[position..<position + range.count]),
                                    UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range]))) else { return false }
                position += range.count
            }
            return true
        }
    }
}

import Synchronization

/// What parsing a piece of source text gave, kept for the next time the same text comes by:
/// most of a document's markup (the brand's terms, a coupon's fields) is the same on every
/// document of a locale. The key is the exact text: one or more ranges of a `SourceText`'s
/// scalars (a line feed between ranges, which no range holds). A value must be what parsing
/// that text gives wherever it stands, so callers keep nothing that depends on the line it
/// came from (offsets are kept relative to the key's start) and never keep a failed parse.
///
/// Bounded: when the texts kept would pass `budget` scalars, everything is dropped and the
/// memo fills again. Thread-safe (documents are parsed on several threads).
final class SourceMemo<Value: Sendable>: Sendable {
    private struct Entry {
        var key: [Unicode.Scalar]
        var value: Value
    }

    private struct State {
        var entries: [Int: [Entry]] = [:]
        var scalars = 0
    }

    /// Scalars of key text held at most (4 bytes each).
    let budget: Int
    private let state = Mutex(State())

    init(budget: Int) {
        self.budget = budget
    }

    /// The value kept for the text of `ranges` in `scalars`, with the key's hash.
    func value(in scalars: UnsafeBufferPointer<Unicode.Scalar>, _ ranges: some Collection<Range<Int>>)
        -> (value: Value?, hash: Int) {
        let hash = Self.hash(scalars, ranges)
        let value: Value? = state.withLock { state in
            guard let bucket = state.entries[hash] else { return nil }
            for entry in bucket where Self.matches(entry.key, scalars, ranges) { return entry.value }
            return nil
        }
        return (value, hash)
    }

    /// Keeps `value` for the text of `ranges` (`hash` from `value(in:_:)`).
    func keep(_ value: Value, in scalars: UnsafeBufferPointer<Unicode.Scalar>, _ ranges: some Collection<Range<Int>>,
              hash: Int) {
        var key: [Unicode.Scalar] = []
        for (index, range) in ranges.enumerated() {
            if index > 0 { key.append("\n") }
            key.append(contentsOf: UnsafeBufferPointer(rebasing: scalars[range]))
        }
        guard key.count <= budget / 4 else { return }
        state.withLock { state in
            if state.scalars + key.count > budget {
                state.entries.removeAll()
                state.scalars = 0
            }
            state.entries[hash, default: []].append(Entry(key: key, value: value))
            state.scalars += key.count
        }
    }

    /// A multiply-and-rotate hash over the scalars: a few instructions a scalar where
    /// `Hasher` takes several times that, and the memo looks up every text it parses.
    private static func hash(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ ranges: some Collection<Range<Int>>) -> Int {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        for range in ranges {
            // Two scalars a round.
            var index = range.lowerBound
            while index + 1 < range.upperBound {
                let pair = UInt64(scalars[index].value) << 32 | UInt64(scalars[index + 1].value)
                hash = (hash ^ pair) &* 0x9E37_79B9_7F4A_7C15
                hash = hash << 29 | hash >> 35
                index += 2
            }
            if index < range.upperBound {
                hash = (hash ^ UInt64(scalars[index].value)) &* 0x9E37_79B9_7F4A_7C15
                hash = hash << 29 | hash >> 35
            }
            hash = (hash ^ 0x0A) &* 0x9E37_79B9_7F4A_7C15
        }
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }

    private static func matches(_ key: [Unicode.Scalar], _ scalars: UnsafeBufferPointer<Unicode.Scalar>,
                                _ ranges: some Collection<Range<Int>>) -> Bool {
        var length = -1
        for range in ranges { length += range.count + 1 }
        guard key.count == max(0, length) else { return false }
        return key.withUnsafeBufferPointer { key in
            var position = 0
            for (index, range) in ranges.enumerated() {
                if index > 0 {
                    guard key[position] == "\n" else { return false }
                    position += 1
                }
                for index in range {
                    guard key[position] == scalars[index] else { return false }
                    position += 1
                }
            }
            return true
        }
    }
}

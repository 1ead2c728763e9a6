import Foundation
import TalonPrimitives

/// The deflated bytes of streams already deflated in this process, so a stream that repeats
/// from document to document (a font subset of the same glyphs, a page of terms that is the
/// same on every card) is compressed once. The same input gives the same output as a fresh
/// compression (one compressor, one level), so documents stay byte for byte the same.
///
/// Bounded: only streams of `smallest` bytes or more are kept, and when the kept inputs and
/// outputs would exceed `budget` bytes the oldest entries go first, so a long-running
/// `talon serve` stays flat. Entries are found by a fast non-cryptographic hash of the whole
/// input (`ByteRun.fingerprint`) and confirmed by comparing the whole input.
///
/// `@unchecked Sendable`: `entries`, `order` and `size` are read and written only while
/// `lock` is held; what is handed out are values.
final class DeflateCache: @unchecked Sendable {
    static let shared = DeflateCache(budget: 8 << 20)
    /// Streams shorter than this are deflated each time (they cost little).
    static let smallest = 256

    private struct Entry {
        var input: [UInt8]
        var output: [UInt8]
    }

    private let lock = NSLock()
    private let budget: Int
    private var entries: [Int: [Entry]] = [:]
    /// Hashes in the order their entries were stored (one per entry), oldest first.
    private var order: [Int] = []
    private var oldest = 0
    private var size = 0

    init(budget: Int) {
        self.budget = budget
    }

    /// The bytes kept (inputs and outputs).
    var keptBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return size
    }

    /// The deflated `bytes`: kept ones, else `deflate`'s result (kept when large enough).
    func deflated(_ bytes: ArraySlice<UInt8>, _ deflate: (ArraySlice<UInt8>) throws(HaruError) -> [UInt8])
        throws(HaruError) -> [UInt8] {
        guard bytes.count >= Self.smallest else { return try deflate(bytes) }
        let key = Self.fingerprint(bytes)
        if let found = lookUp(bytes, key: key) { return found }
        let output = try deflate(bytes)
        store(Entry(input: Array(bytes), output: output), key: key)
        return output
    }

    private func lookUp(_ bytes: ArraySlice<UInt8>, key: Int) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]?.first(where: { Self.same($0.input, bytes) })?.output
    }

    private static func same(_ kept: [UInt8], _ bytes: ArraySlice<UInt8>) -> Bool {
        kept.withUnsafeBytes { left in bytes.withUnsafeBytes { right in ByteRun.equal(left, right) } }
    }

    static func fingerprint(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes(ByteRun.fingerprint)
    }

    private func store(_ entry: Entry, key: Int) {
        let cost = entry.input.count + entry.output.count
        guard cost <= budget else { return }
        lock.lock()
        defer { lock.unlock() }
        guard entries[key]?.contains(where: { Self.same($0.input, entry.input[...]) }) != true else { return }
        while size + cost > budget, oldest < order.count {
            let evicted = order[oldest]
            oldest += 1
            if let first = entries[evicted]?.first {
                size -= first.input.count + first.output.count
                entries[evicted]?.removeFirst()
                if entries[evicted]?.isEmpty == true { entries[evicted] = nil }
            }
        }
        if oldest > 64, oldest * 2 > order.count {
            order.removeFirst(oldest)
            oldest = 0
        }
        entries[key, default: []].append(entry)
        order.append(key)
        size += cost
    }
}

/// Hashing and comparing long runs of bytes for the per-process caches keyed by them (laid-out
/// blocks, deflated streams): both a word at a time, where `Hasher`'s SipHash and element-wise
/// comparison cost more than the work a cache hit saves.
public enum ByteRun {
    /// A 64-bit hash of every byte, eight at a time (multiply and fold, as FxHash and wyhash
    /// do): some ten times cheaper than `Hasher` on a 10 KB stream. Not a defence against
    /// chosen collisions: a cache confirms a hit with `equal`.
    public static func fingerprint(_ raw: UnsafeRawBufferPointer) -> Int {
        var hash = UInt64(truncatingIfNeeded: raw.count) &* 0x9E37_79B9_7F4A_7C15
        func mix(_ word: UInt64) {
            let product = (hash ^ word).multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
            hash = product.high ^ product.low
        }
        var offset = 0
        while offset + 8 <= raw.count {
            mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in raw[offset...].enumerated() { tail |= UInt64(byte) << (8 * shift) }
        mix(tail)
        return Int(truncatingIfNeeded: hash)
    }

    /// Whether the two runs hold the same bytes, compared a word at a time.
    public static func equal(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == right.count else { return false }
        var offset = 0
        while offset + 8 <= left.count {
            guard left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        while offset < left.count {
            guard left[offset] == right[offset] else { return false }
            offset += 1
        }
        return true
    }
}

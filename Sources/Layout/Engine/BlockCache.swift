import Synchronization

/// Blocks already laid out by an engine: the same block in the same place and width, at the
/// same body size, line height, body height and faces, lays out into the same fragments (a
/// card's terms, its coupons' forms and its signature row are the same on every card of a
/// language). `LayoutSession` replays a kept block: it assigns font indexes to the block's
/// faces in the order the block first used them (the order a fresh layout assigns them),
/// marks its characters used and appends its fragments, so documents stay byte for byte the
/// same as with a fresh engine.
///
/// A block is kept the second time it is laid out (text seen once, such as a heading with the
/// card's number, never takes room), only when it drew no missing character, and never while
/// a block around it is being kept (the outer one holds it). Blocks that change the session
/// beyond its fonts (page numbers, images, barcodes, tables, `@keep(with: previous)`) have no
/// key. Bounded: at most `budget` characters drawn and bytes of key (about 40 bytes of memory
/// each), the oldest going first, so a long-running `talon serve` stays flat.
final class BlockCache: Sendable {
    struct Entry {
        /// Text ops carry the font indexes of the session that laid the block out.
        var fragments: [Fragment]
        /// Faces in the order the block first used them, and the font index each had then.
        var faces: [Int]
        var indexes: [Int]
        /// Characters drawn (BMP, each once), per face.
        var scalars: [[Unicode.Scalar]]
        /// Characters drawn and the key's bytes: what counts against `budget`.
        var characters: Int
    }

    enum Lookup {
        case kept(Entry)
        /// Laid out once before: worth keeping this time.
        case seenOnce
        case new
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Keys in the order they were kept, oldest first from `oldest` on.
        var order: [Key] = []
        var oldest = 0
        var characters = 0
        /// Hashes of keys laid out once and not kept.
        var seen = Set<Int>()
    }

    static let budget = 64_000
    /// Keys remembered as seen once; the set starts over beyond this.
    static let seenLimit = 4_096
    private let state = Mutex(State())

    func lookUp(_ key: Key) -> Lookup {
        state.withLock { state in
            if let entry = state.entries[key] { return .kept(entry) }
            if state.seen.contains(key.hash) { return .seenOnce }
            if state.seen.count >= Self.seenLimit { state.seen.removeAll(keepingCapacity: true) }
            state.seen.insert(key.hash)
            return .new
        }
    }

    func keep(_ entry: Entry, for key: Key) {
        var entry = entry
        entry.characters += key.bytes.count
        guard entry.characters <= Self.budget else { return }
        state.withLock { state in
            guard state.entries[key] == nil else { return }
            while state.characters + entry.characters > Self.budget, state.oldest < state.order.count {
                if let evicted = state.entries.removeValue(forKey: state.order[state.oldest]) {
                    state.characters -= evicted.characters
                }
                state.oldest += 1
            }
            if state.oldest > 64, state.oldest * 2 > state.order.count {
                state.order.removeFirst(state.oldest)
                state.oldest = 0
            }
            state.seen.remove(key.hash)
            state.entries[key] = entry
            state.order.append(key)
            state.characters += entry.characters
        }
    }
}

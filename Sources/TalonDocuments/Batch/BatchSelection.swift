import Warranty

/// Which records of an input a batch renders: those of one shard (`--shard I/N`) and not
/// already done by an earlier run (`--resume`). A record's shard depends only on its key,
/// never on the machine, the jobs or the timing, so N machines given the same input and
/// shards 0 … N-1 render every record exactly once, and each shard gives the same files
/// wherever it runs.
public struct BatchSelection: Sendable {
    /// This shard's index, from 0 to `shardCount` - 1.
    public var shardIndex: Int
    /// How many shards the input is split into (1: every record).
    public var shardCount: Int
    /// The dotted field path whose text is the record's key (`card.number`); nil keys a
    /// record by its number. A record lacking the field is keyed by its number.
    public var keyField: [String]?
    /// Records done by an earlier run: record number → key. A record is skipped only when
    /// its key is still the one recorded (the input may have changed since).
    public var done: [Int: String]

    /// Every record, keyed by its number.
    public init() {
        shardIndex = 0
        shardCount = 1
        keyField = nil
        done = [:]
    }

    /// Shard `index` of `count`, keyed by `keyField` (`card.number` or `{card.number}`).
    public init(shard index: Int, of count: Int, keyField: String? = nil, done: [Int: String] = [:]) throws(BatchSelectionError) {
        guard (1...1_000_000).contains(count) else { throw BatchSelectionError("the shard count must be from 1 to 1000000, not \(count)") }
        guard (0..<count).contains(index) else { throw BatchSelectionError("the shard index must be from 0 to \(count - 1), not \(index)") }
        shardIndex = index
        shardCount = count
        self.done = done
        self.keyField = try keyField.map { (text) throws(BatchSelectionError) in try Self.fieldPath(text) }
    }

    /// `{card.number}` or `card.number` as a path.
    static func fieldPath(_ text: String) throws(BatchSelectionError) -> [String] {
        var name = Substring(text.trimmingCharacters(in: .whitespaces))
        if name.hasPrefix("{") && name.hasSuffix("}") { name = name.dropFirst().dropLast() }
        let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !name.isEmpty, !path.contains(where: \.isEmpty), !name.contains(where: { "{}".contains($0) }) else {
            throw BatchSelectionError("'\(text)' is not a dotted field path such as {card.number}")
        }
        return path
    }

    /// The record's key: its field's text, else its number.
    public func key(of record: BatchRecord) -> String {
        fieldKey(of: record) ?? String(record.number)
    }

    private func fieldKey(of record: BatchRecord) -> String? {
        guard let keyField, case .success(let value) = record.value else { return nil }
        return FileNamePattern.text(at: keyField[...], in: value)
    }

    /// The shard a record belongs to: by number, records go round the shards in turn; by a
    /// field, the key's 64-bit FNV-1a hash modulo the count.
    public func shard(of record: BatchRecord) -> Int {
        guard shardCount > 1 else { return 0 }
        if let key = fieldKey(of: record) { return Int(Self.fnv1a(key) % UInt64(shardCount)) }
        return (record.number - 1) % shardCount
    }

    /// Whether this run renders the record.
    public func includes(_ record: BatchRecord) -> Bool {
        guard shard(of: record) == shardIndex else { return false }
        if let doneKey = done[record.number], doneKey == key(of: record) { return false }
        return true
    }

    /// 64-bit FNV-1a over the UTF-8 bytes: the same on every machine (Swift's `Hasher` is
    /// seeded per process and would not be).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// A shard or key that cannot be used.
public struct BatchSelectionError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

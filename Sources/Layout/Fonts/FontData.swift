import Foundation

/// The bytes of a font file, read-only: a file mapped into memory (`mmap`), so that only the
/// pages the reader and the subsetter touch are ever read, or a copy of bytes in memory.
///
/// A mapped file must not shrink while it is mapped (reading past its new end would stop
/// the process): system fonts are replaced by a new file under the same name when updated,
/// never truncated in place, and a replaced file stays readable through the mapping.
public struct FontData: RandomAccessCollection, Sendable, Equatable {
    /// Owns the memory and releases it (unmaps the file or frees the copy) when the last
    /// `FontData` sharing it is gone. `@unchecked Sendable` is safe: the bytes are never
    /// written after `init`.
    final class Storage: @unchecked Sendable {
        let base: UnsafeRawPointer?
        let count: Int
        let mapped: Bool

        init(base: UnsafeRawPointer?, count: Int, mapped: Bool) {
            self.base = base
            self.count = count
            self.mapped = mapped
        }

        deinit {
            guard let base else { return }
            if mapped {
                munmap(UnsafeMutableRawPointer(mutating: base), count)
            } else {
                base.deallocate()
            }
        }
    }

    let storage: Storage

    /// A copy of `bytes`.
    public init(_ bytes: some Collection<UInt8>) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: Swift.max(1, bytes.count), alignment: 8)
        _ = memory.initializeMemory(as: UInt8.self, from: bytes)
        storage = Storage(base: UnsafeRawPointer(memory.baseAddress), count: bytes.count, mapped: false)
    }

    /// The file at `path`, mapped read-only; an empty file is an empty `FontData`.
    /// - Throws: `FontError.unreadable` when the file cannot be opened or mapped.
    public init(mapping path: String) throws(FontError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: "no such file or not readable") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(path: path, reason: "not a regular file")
        }
        let count = Int(status.st_size)
        guard count > 0 else {
            storage = Storage(base: nil, count: 0, mapped: false)
            return
        }
        let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let base, base != MAP_FAILED else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        storage = Storage(base: UnsafeRawPointer(base), count: count, mapped: true)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    /// Traps out of range, as an array's subscript does: every reader checks its offsets
    /// against `count` first (`FontBytes`).
    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < storage.count, "FontData index out of range")
        return storage.base.unsafelyUnwrapped.load(fromByteOffset: position, as: UInt8.self)
    }

    public static func == (lhs: FontData, rhs: FontData) -> Bool {
        lhs.storage === rhs.storage || lhs.elementsEqual(rhs)
    }
}

import Foundation

/// Bytes read in chunks from a file descriptor (or held in memory), so a batch input of
/// any size is scanned with a fixed-size buffer. Used by one thread only.
final class ByteSource {
    static let chunkSize = 1 << 16
    private let descriptor: Int32?
    private let closesDescriptor: Bool
    private let name: String
    private var buffer: [UInt8]
    private var position = 0
    private var atEnd: Bool
    /// Bytes handed out so far.
    private(set) var consumed = 0
    /// Size of the input when known (a regular file or memory), for progress.
    let totalSize: Int?

    /// Opens `path` ("-" is standard input).
    init(path: String) throws(TalonError) {
        name = path
        if path == "-" {
            descriptor = 0
            closesDescriptor = false
        } else {
            let opened = open(path, O_RDONLY | O_CLOEXEC)
            guard opened >= 0 else {
                throw .input(path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
            }
            descriptor = opened
            closesDescriptor = true
        }
        var info = stat()
        if let descriptor, fstat(descriptor, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if closesDescriptor { close(descriptor) }
                throw .input(path: path, reason: "not a readable file")
            }
            totalSize = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        } else {
            totalSize = nil
        }
        buffer = []
        atEnd = false
    }

    /// Bytes already in memory.
    init(bytes: [UInt8], name: String) {
        self.name = name
        descriptor = nil
        closesDescriptor = false
        buffer = bytes
        atEnd = true
        totalSize = bytes.count
    }

    deinit {
        if closesDescriptor, let descriptor { close(descriptor) }
    }

    /// The next byte, or nil at the end of the input.
    @inline(__always)
    func next() throws(TalonError) -> UInt8? {
        if position == buffer.count {
            guard try fill() else { return nil }
        }
        let byte = buffer[position]
        position += 1
        consumed += 1
        return byte
    }

    /// The next byte without consuming it.
    func peek() throws(TalonError) -> UInt8? {
        if position == buffer.count {
            guard try fill() else { return nil }
        }
        return buffer[position]
    }

    /// The bytes buffered ahead (a whole chunk, or all of an in-memory input), for
    /// recognising the format without consuming anything.
    func lookahead() throws(TalonError) -> ArraySlice<UInt8> {
        if position == buffer.count { _ = try fill() }
        return buffer[position...]
    }

    /// Reads the next chunk; false at the end of the input.
    private func fill() throws(TalonError) -> Bool {
        guard !atEnd, let descriptor else { return false }
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, Self.chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .input(path: name, reason: String(cString: strerror(errno)))
            }
            if count == 0 {
                atEnd = true
                return false
            }
            chunk.removeSubrange(count...)
            buffer = chunk
            position = 0
            return true
        }
    }
}

import Foundation

/// Reading an image file safely: only a regular file is read (a FIFO or device named
/// `photo.png` is refused without waiting on it), never more than `ImageLimits.maxBytes`.
extension ImageDecoder {
    /// The bytes of the regular file at `path`, at most `limits.maxBytes` of them.
    static func readRegularFile(path: String, limits: ImageLimits) throws(ImageError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable(file: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable(file: path, reason: "not a regular file") }
        // Non-blocking, in case the name was swapped for a FIFO since the check above.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(file: path, reason: "not a regular file")
        }
        let size = Int(info.st_size)
        guard size <= limits.maxBytes else { throw .fileTooLarge(file: path, bytes: size, limit: limits.maxBytes) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
            if count == 0 { break }
            filled += count
        }
        return Array(bytes[..<filled])
    }

    /// Checks that the file at `path` is a PNG or JPEG that `load` would accept as far as
    /// its structure and dimensions go, without decoding its pixels; returns its size in pixels.
    public static func inspect(path: String, limits: ImageLimits = .default) throws(ImageError) -> (width: Int, height: Int) {
        let bytes = try readRegularFile(path: path, limits: limits)
        guard !bytes.isEmpty else { throw .empty(file: path) }
        switch Format(bytes) {
        case .png:
            let header = try PNGFile(bytes: bytes, file: path, limits: limits).header
            return (header.width, header.height)
        case .jpeg:
            let jpeg = try JPEGFile(bytes: bytes, file: path, limits: limits)
            return (jpeg.width, jpeg.height)
        case nil:
            throw .notAnImage(file: path)
        }
    }
}

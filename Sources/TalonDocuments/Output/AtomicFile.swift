import Foundation

/// Writes a file so that readers see either the old file or the complete new one, never a
/// half-written one: the bytes go to a temporary file in the same folder, then a rename
/// replaces the target. On failure the temporary file is removed and nothing is left.
///
/// Only regular files (or names that do not exist yet) are replaced that way: a device
/// node or a FIFO is written in place, since renaming over it would replace the device
/// itself with a regular file. A folder is refused.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(TalonError) {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .output(path: path, reason: "is a folder")
            default: return try writeInPlace(bytes, to: path)
            }
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        TemporaryFiles.removeStale(in: folder)
        // O_EXCL with a random suffix instead of mkstemp: the file gets mode 0666 less the
        // umask from the kernel, with no fchmod and no process-wide umask() juggling, which
        // would race between the threads of a batch.
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            temporary = "\(folder)/\(TemporaryFiles.name(for: url.lastPathComponent))"
            // Registered before it exists, so a signal in between still removes it.
            TemporaryFiles.register(temporary)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { break }
            TemporaryFiles.forget(temporary)
            if errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw .output(path: path, reason: String(cString: strerror(errno))) }
        var failure = writeAll(bytes, to: descriptor)
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            TemporaryFiles.forget(temporary)
            throw .output(path: path, reason: failure)
        }
        TemporaryFiles.forget(temporary)
    }

    /// Writes to an existing device or FIFO as it is. A FIFO nobody reads is refused
    /// instead of waiting forever (the open is non-blocking; writing then blocks as usual).
    static func writeInPlace(_ bytes: [UInt8], to path: String) throws(TalonError) {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENXIO ? "nothing reads from this FIFO" : String(cString: strerror(errno))
            throw .output(path: path, reason: reason)
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var failure = writeAll(bytes, to: descriptor)
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw .output(path: path, reason: failure) }
    }

    /// Writes every byte, retrying after interruptions; the reason on failure.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}

import Foundation

/// Writes a file so that readers see either the old file or the complete new one, never a
/// half-written one: the bytes go to a temporary file in the same folder, then a rename
/// replaces the target. On failure the temporary file is removed and nothing is left.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(TalonError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        // O_EXCL with a random suffix instead of mkstemp: the file gets mode 0666 less the
        // umask from the kernel, with no fchmod and no process-wide umask() juggling, which
        // would race between the threads of a batch.
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            temporary = "\(folder)/.\(url.lastPathComponent).tmp-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw .output(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .output(path: path, reason: failure)
        }
    }
}

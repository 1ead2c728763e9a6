import Foundation

/// Writes a file so that readers see either the old file or the complete new one, never a
/// half-written one: the bytes go to a temporary file in the same folder, then a rename
/// replaces the target. On failure the temporary file is removed and nothing is left.
public enum AtomicFile {
    /// Replaces the file at `path` with `bytes` (mode 0666 less the umask).
    /// - Throws: `TalonError.output` with the system's reason; nothing is left behind.
    public static func write(_ bytes: [UInt8], to path: String) throws(TalonError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array("\(folder)/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .output(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
        // Files are created 0600 by mkstemp; documents are ordinary files (0644 less umask).
        let mask = umask(0)
        umask(mask)
        if failure == nil, fchmod(descriptor, 0o666 & ~mask) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .output(path: path, reason: failure)
        }
    }
}

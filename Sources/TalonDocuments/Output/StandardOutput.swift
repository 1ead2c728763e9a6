import Foundation

/// Standard output, written with its errors reported: a full disk or a reader that went
/// away is an output failure (`-: error: cannot write: ...`, exit 3), not a crash.
public enum StandardOutput {
    /// Makes a closed pipe an error returned by `write` instead of a signal that kills the
    /// process. Call once at start-up.
    public static func reportClosedPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    public static func write(_ bytes: [UInt8]) throws(TalonError) {
        if let failure = AtomicFile.writeAll(bytes, to: STDOUT_FILENO) {
            throw .output(path: "-", reason: failure)
        }
    }

    public static func write(_ text: String) throws(TalonError) {
        try write(Array(text.utf8))
    }
}

import Foundation

/// One batch at a time per output folder: two runs writing the same names would interleave
/// their files silently. The lock is `flock` on `.talon-batch.lock` in the folder, so the
/// kernel releases it when the process ends, however it ends.
struct FolderLock {
    static let fileName = ".talon-batch.lock"

    private let descriptor: Int32
    private let path: String

    /// Takes the folder's lock, or throws when another process holds it.
    init(_ folder: String, name: String = fileName) throws(TalonError) {
        path = folder + "/" + name
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw .output(path: folder, reason: "cannot lock the folder: \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = busy ? "another talon batch is writing into this folder" : String(cString: strerror(errno))
            close(descriptor)
            throw .output(path: folder, reason: reason)
        }
    }

    /// Removes the lock file and lets the next batch in.
    func release() {
        unlink(path)
        close(descriptor)
    }
}

import Foundation

/// The temporary files `AtomicFile` is writing, so that SIGINT and SIGTERM remove them
/// before the process ends, and so that a later run removes those a killed run left.
///
/// A temporary is named `.<target>.tmp-<pid>-<random>` (the target's name cut short so the
/// whole name fits in 255 bytes); it is stale when process `<pid>` no longer exists.
public enum TemporaryFiles {
    private static let registry = Registry()

    /// The longest part of the target's name kept in a temporary's name (in UTF-8 bytes).
    static let nameBytesKept = 200

    /// A fresh temporary name for a file called `target`.
    static func name(for target: String) -> String {
        var kept = ""
        var bytes = 0
        for scalar in target.unicodeScalars {
            bytes += String(scalar).utf8.count
            if bytes > nameBytesKept { break }
            kept.unicodeScalars.append(scalar)
        }
        return ".\(kept).tmp-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }

    /// The process id in a temporary's name, or nil when the name is not one of ours.
    static func owner(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, !parts[1].isEmpty,
            parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLowercase) })
        else { return nil }
        return pid
    }

    static func register(_ path: String) { registry.insert(path) }
    static func forget(_ path: String) { registry.remove(path) }

    /// Removes, once per folder and process, the temporaries of runs that no longer exist.
    /// The folder is read entry by entry and only names starting with "." become strings:
    /// an output folder of ten thousand files costs a fraction of a millisecond.
    static func removeStale(in folder: String) {
        guard registry.firstVisit(folder), let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { raw in
                    raw[0] == CChar(UInt8(ascii: ".")) ? String(cString: raw) : nil
                }
            }
            guard let name, let pid = owner(ofTemporary: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            var info = stat()
            let path = folder + "/" + name
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { unlink(path) }
        }
    }

    /// On SIGINT, SIGTERM or SIGHUP: removes the temporaries being written, then ends the
    /// process by the same signal. Call once at start-up.
    public static func removeOnSignals() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                registry.removeAll()
                signal(number, SIG_DFL)
                // To the process, not this thread: dispatch threads block signals.
                kill(getpid(), number)
                usleep(200_000)
                _exit(128 + number)
            }
            source.resume()
            registry.keep(source)
        }
    }

    /// The set of paths, shared by a batch's threads and the signal handler's queue.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []
        private var visited: Set<String> = []
        private var sources: [any DispatchSourceSignal] = []

        func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
        func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
        func keep(_ source: any DispatchSourceSignal) { lock.withLock { sources.append(source) } }
        func firstVisit(_ folder: String) -> Bool { lock.withLock { visited.insert(folder).inserted } }

        /// Unlinks every registered path; the lock stays held so no new one starts.
        func removeAll() {
            lock.lock()
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }
}

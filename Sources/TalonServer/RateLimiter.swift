import Foundation

/// At most `limit` events per key in a sliding window of `window` seconds (per instance,
/// in memory: the addresses are never written anywhere).
final class RateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String: [Date]] = [:]
    let limit: Int
    let window: TimeInterval

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records an event for `key`; false when the key is over its limit (not recorded).
    func allow(_ key: String, at now: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let recent = (events[key] ?? []).filter { now.timeIntervalSince($0) < window }
        if events.count > 10_000 { events = events.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
        guard recent.count < limit else {
            events[key] = recent
            return false
        }
        events[key] = recent + [now]
        return true
    }
}

import Foundation

extension Journal {
    /// Every message in the outbox, oldest first.
    public func outbox() throws(JournalError) -> [OutboxMessage] {
        try store.read { (transaction) throws(JournalError) in try transaction.allMessages() }
    }

    /// The seconds to wait after a message's `attempts`-th failure: 1, 2, 4, … minutes, at most 6 hours.
    public static func backOff(afterAttempts attempts: Int) -> Int {
        min(60 << min(max(attempts - 1, 0), 9), 6 * 3600)
    }

    /// How many messages of the channel are not sent yet.
    public func pendingMessages(channel: OutboxMessage.Channel) throws(JournalError) -> Int {
        try store.read { (transaction) throws(JournalError) in try transaction.pendingCount(channel: channel) }
    }

    /// One pass over the outbox: every pending message of `channels` due at `now` (seconds
    /// since 1970) is handed to `send`; a message is marked sent as soon as `send` returns, or
    /// gets its error and a later next attempt when it throws. Messages of other channels are
    /// left as they are. Returns (sent, failed).
    public func sendOutbox<E: Error>(now: Int, channels: Set<OutboxMessage.Channel> = Set(OutboxMessage.Channel.allCases),
                                     _ send: (OutboxMessage) throws(E) -> Void) throws(JournalError) -> (sent: Int, failed: Int) {
        let due = try store.read { (transaction) throws(JournalError) in try transaction.dueMessages(now: now) }
            .filter { channels.contains($0.channel) }
        var sent = 0, failed = 0
        for message in due {
            do {
                try send(message)
                try store.write { (transaction) throws(JournalError) in try transaction.markSent(id: message.id, at: now) }
                sent += 1
            } catch let error as JournalError {
                throw error
            } catch {
                let wait = Self.backOff(afterAttempts: message.attempts + 1)
                try store.write { (transaction) throws(JournalError) in
                    try transaction.markFailed(id: message.id, error: "\(error)", nextAttempt: now + wait)
                }
                failed += 1
            }
        }
        return (sent, failed)
    }
}

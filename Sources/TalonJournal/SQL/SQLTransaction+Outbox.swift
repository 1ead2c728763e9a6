import Foundation

/// The notice outbox in SQLite.
extension SQLTransaction {
    private static let columns = """
        id, message_id, rma, event, sender, recipient, subject, text, html, attachment_name, attachment,
        status, attempts, next_attempt, last_error, channel
        """

    func enqueue(_ message: OutboxMessage) throws(JournalError) {
        try run("""
            INSERT OR IGNORE INTO outbox(message_id, rma, event, sender, recipient, subject, text, html,
                attachment_name, attachment, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
            .text(message.messageID), message.rma.map { .text($0) } ?? .null, .text(message.event),
            .text(message.sender), .text(message.recipient), .text(message.subject), .text(message.text),
            .text(message.html), message.attachmentName.map { .text($0) } ?? .null,
            message.attachment.map { .blob($0) } ?? .null, .text(message.channel.rawValue),
        ])
    }

    private func messages(_ sql: String, _ values: [SQLValue]) throws(JournalError) -> [OutboxMessage] {
        var result: [OutboxMessage] = []
        for row in try rows("SELECT \(Self.columns) FROM outbox \(sql)", values) {
            guard row.count == 16, let id = row[0].int, let messageID = row[1].string, let event = row[3].string,
                  let sender = row[4].string, let recipient = row[5].string, let subject = row[6].string,
                  let text = row[7].string, let html = row[8].string,
                  let status = row[11].string.flatMap(OutboxMessage.Status.init(rawValue:)),
                  let attempts = row[12].int, let next = row[13].int,
                  let channel = row[15].string.flatMap(OutboxMessage.Channel.init(rawValue:))
            else { throw .corrupt(path: store.path, reason: "an outbox row is unreadable") }
            result.append(OutboxMessage(
                id: id, messageID: messageID, rma: row[2].string, event: event, sender: sender, recipient: recipient,
                subject: subject, text: text, html: html, attachmentName: row[9].string, attachment: row[10].bytes,
                status: status, attempts: attempts, nextAttempt: next, lastError: row[14].string, channel: channel))
        }
        return result
    }

    func dueMessages(now: Int) throws(JournalError) -> [OutboxMessage] {
        try messages("WHERE status = 'pending' AND next_attempt <= ? ORDER BY id", [.integer(Int64(now))])
    }

    func pendingCount(channel: OutboxMessage.Channel) throws(JournalError) -> Int {
        try rows("SELECT count(*) FROM outbox WHERE status = 'pending' AND channel = ?", [.text(channel.rawValue)]).first?.first?.int ?? 0
    }

    func allMessages() throws(JournalError) -> [OutboxMessage] {
        try messages("ORDER BY id", [])
    }

    func markSent(id: Int, at time: Int) throws(JournalError) {
        try run("UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?", [.integer(Int64(time)), .integer(Int64(id))])
    }

    func markFailed(id: Int, error: String, nextAttempt: Int) throws(JournalError) {
        try run("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt = ? WHERE id = ?", [.text(error), .integer(Int64(nextAttempt)), .integer(Int64(id))])
    }
}

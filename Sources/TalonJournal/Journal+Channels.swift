import Foundation

/// Notices by SMS beside e-mail: each outbox message says its channel. The rows queued
/// before this migration were e-mails.
extension JournalMigration {
    static let channels = JournalMigration(version: 3, name: "channels", sql: """
        ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email';
        """)
}

extension OutboxMessage {
    /// How a message reaches the customer.
    public enum Channel: String, Sendable, Hashable, CaseIterable {
        /// Through the SMTP relay, to `recipient` as an e-mail address.
        case email
        /// Through the HTTP SMS gateway, to `recipient` as an international number (`+380…`).
        case sms
    }

    /// A phone number as an SMS gateway takes it: `+` and 8 to 15 digits, the spaces, dashes,
    /// dots and parentheses people write between them left out. Nil for anything else (a
    /// local number without its country code cannot be sent to).
    public static func internationalNumber(_ phone: String) -> String? {
        let kept = phone.filter { !" -.()\u{00A0}".contains($0) }
        guard kept.first == "+" else { return nil }
        let digits = kept.dropFirst()
        guard (8...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return kept
    }
}

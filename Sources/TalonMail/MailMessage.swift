/// One e-mail to send: text and HTML alternatives, optionally one PDF attached.
public struct MailMessage: Sendable, Hashable {
    /// Without angle brackets; the same for every attempt at the same message.
    public var messageID: String
    public var from: String
    public var to: String
    public var subject: String
    public var text: String
    public var html: String
    public var attachment: (name: String, bytes: [UInt8])?

    public init(messageID: String, from: String, to: String, subject: String, text: String, html: String,
                attachment: (name: String, bytes: [UInt8])? = nil) {
        self.messageID = messageID
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.attachment = attachment
    }

    public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.messageID == rhs.messageID && lhs.from == rhs.from && lhs.to == rhs.to && lhs.subject == rhs.subject
            && lhs.text == rhs.text && lhs.html == rhs.html && lhs.attachment?.name == rhs.attachment?.name
            && lhs.attachment?.bytes == rhs.attachment?.bytes
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(messageID) }
}

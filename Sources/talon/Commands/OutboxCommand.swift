import Foundation
import TalonJournal
import TalonMail

/// `talon outbox send|list`: the customers' e-mails and SMS queued by claim steps.
enum OutboxCommand: Command {
    static let spec = CommandSpec(
        name: "outbox",
        synopsis: "send|list [--smtp <url>] [--journal <file>]",
        summary: "Send the queued notices through the SMTP relay and the SMS gateway (one pass), or list them.",
        positionals: [("<action>", "send: one pass over the messages due; list: every message and its state.")],
        options: [
            Options.smtp, Options.now, JournalOptions.journal,
        ],
        details: """
        The relay's user and password come from $TALON_SMTP_USER and $TALON_SMTP_PASSWORD;
        TALON_SMTP_STARTTLS=1 requires STARTTLS. A message that fails keeps its error and is tried
        again by a later pass after 1, 2, 4, … minutes (at most 6 hours); its Message-ID never
        changes, so a message is never delivered as two. Exit 1 when any message failed.
        SMS go to the HTTP gateway at $TALON_SMS_URL (a JSON POST with the message id as its
        Idempotency-Key; $TALON_SMS_TOKEN as a bearer token); without it they wait, untouched,
        and so do e-mails without a relay. EXAMPLE:
          TALON_SMTP_URL=smtp://mail.example:587 TALON_SMTP_STARTTLS=1 talon outbox send
          TALON_SMS_URL=https://sms.example/v1/messages TALON_SMS_TOKEN=… talon outbox send
        """)

    struct Options: CommandOptions {
        static let smtp = CommandSpec.Option(names: ["--smtp"], valueName: "url",
                                             help: "The relay, smtp://host:port or smtps://host:port (default: $TALON_SMTP_URL).")
        static let now = CommandSpec.Option(names: ["--now"], valueName: "seconds",
                                            help: "The time retries are measured against, in seconds since 1970 (default: the clock).")
        var send: Bool
        var smtp: String?
        var now: Int
        var journal: JournalOptions.Location

        init(_ arguments: ParsedArguments) throws(CLIError) {
            guard arguments.positionals.count == 1, let action = arguments.positionals.first, ["send", "list"].contains(action) else {
                throw arguments.usage("expected one action: send or list")
            }
            send = action == "send"
            smtp = arguments.text(Self.smtp)
            now = try arguments.value(Self.now, expected: "a whole number of seconds since 1970") { text in
                Int(text).flatMap { $0 >= 0 ? $0 : nil }
            } ?? Int(Date().timeIntervalSince1970)
            journal = JournalOptions.Location(arguments)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let journal = try options.journal.open(create: false)
        if !options.send {
            for message in try JournalOptions.run({ () throws(JournalError) in try journal.outbox() }) {
                print("\(message.id)\t\(message.status.rawValue)\t\(message.attempts)\t\(message.channel.rawValue)"
                      + "\t\(message.recipient)\t\(message.subject)"
                      + (message.lastError.map { "\t\($0)" } ?? ""))
            }
            return ExitCode.success
        }
        var relay = SMTPRelay.fromEnvironment()
        if let url = options.smtp { relay = SMTPRelay(url: url, startTLS: relay?.startTLS ?? false, user: relay?.user, password: relay?.password) }
        let gateway = SMSGateway.fromEnvironment()
        guard relay != nil || gateway != nil else {
            throw .usage("no SMTP relay: give --smtp or set TALON_SMTP_URL (or TALON_SMS_URL for SMS only)", command: spec.name)
        }
        var channels: Set<OutboxMessage.Channel> = []
        if relay != nil { channels.insert(.email) }
        if gateway != nil { channels.insert(.sms) }
        let now = options.now
        let from = ProcessInfo.processInfo.environment["TALON_SMTP_FROM"]
        let (result, waiting) = try JournalOptions.run { () throws(JournalError) in
            let result = try journal.sendOutbox(now: now, channels: channels) { (message) throws(MailError) in
                // Only the configured channels are handed out; a message of another is never marked sent.
                switch (message.channel, gateway, relay) {
                case (.sms, let gateway?, _):
                    try gateway.send(to: message.recipient, text: message.text, id: message.messageID)
                case (.email, _, let relay?):
                    let sender = message.sender.isEmpty ? (from ?? "") : message.sender
                    try relay.send(MailMessage(
                        messageID: message.messageID, from: sender, to: message.recipient, subject: message.subject,
                        text: message.text, html: message.html,
                        attachment: message.attachment.map { (message.attachmentName ?? "document.pdf", $0) }))
                case (let channel, _, _):
                    throw MailError(message: "no \(channel == .sms ? "SMS gateway" : "SMTP relay") configured")
                }
            }
            let waiting = (email: relay == nil ? try journal.pendingMessages(channel: .email) : 0,
                           sms: gateway == nil ? try journal.pendingMessages(channel: .sms) : 0)
            return (result, waiting)
        }
        var line = "sent \(result.sent), failed \(result.failed)"
        if waiting.email > 0 { line += ", \(waiting.email) e-mail(s) waiting for a relay (TALON_SMTP_URL)" }
        if waiting.sms > 0 { line += ", \(waiting.sms) SMS waiting for a gateway (TALON_SMS_URL)" }
        print(line)
        return result.failed == 0 ? ExitCode.success : ExitCode.failure
    }
}

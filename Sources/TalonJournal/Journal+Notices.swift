import Foundation
import TalonDocuments
import Warranty

extension Journal {
    /// Queues the step's e-mail to the customer (text and HTML from the `notice` template,
    /// the step's PDF attached) when the step has a notice and the customer has an e-mail
    /// address. Returns its Message-ID, the same whenever the same step is queued again.
    func queueNotice(_ step: ClaimStep, rma: String, data: Data, document: IssuedPDF?,
                     in transaction: any JournalTransaction) throws(JournalError) -> String? {
        guard let event = step.noticeEvent else { return nil }
        let base = try parse(data)
        guard let recipient = base.value(at: ["claim", "customer", "email"])?.stringValue, !recipient.isEmpty else { return nil }
        let noticeData = base.setting(.object([("channel", .string("email")), ("event", .string(event.rawValue)),
                                               ("to", .string(recipient))]), at: ["notice"]).data
        let text = try render(.notice, data: noticeData, format: .text, renderer: renderer, in: transaction)
        let html = try render(.notice, data: noticeData, format: .html, renderer: renderer, in: transaction)
        let locale = DocumentLocale(rawValue: base.value(at: ["locale"])?.stringValue ?? "en") ?? .en
        let sender = base.value(at: ["service_center", "email"])?.stringValue ?? ""
        let messageID = Self.messageID(rma: rma, event: event.rawValue, sender: sender)
        try transaction.enqueue(OutboxMessage(
            id: 0, messageID: messageID, rma: rma, event: event.rawValue, sender: sender, recipient: recipient,
            subject: renderer.mailSubject(event, rma: rma, locale: locale),
            text: String(decoding: text.bytes, as: UTF8.self), html: String(decoding: html.bytes, as: UTF8.self),
            attachmentName: document.map { Self.fileName($0.document.number) + ".pdf" }, attachment: document?.bytes,
            status: .pending, attempts: 0, nextAttempt: 0, lastError: nil))
        return messageID
    }

    /// `talon.<hash of rma and event>.<event>@<service centre's domain>`: ASCII, and the same
    /// for every attempt, so a receiver can drop a copy sent twice after a lost reply.
    static func messageID(rma: String, event: String, sender: String) -> String {
        let domain = sender.split(separator: "@").last.map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? "talon.invalid"
        let hash = SHA256.hex(Array("\(rma)\u{0}\(event)".utf8)).prefix(24)
        return "talon.\(hash).\(event)@\(domain.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })"
    }

    /// A file name from a document number: `RMA-2025-00001/diagnosis` → `RMA-2025-00001-diagnosis`.
    static func fileName(_ number: String) -> String {
        number.replacingOccurrences(of: "/", with: "-")
    }
}

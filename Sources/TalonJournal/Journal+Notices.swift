import Foundation
import TalonDocuments
import Warranty

extension Journal {
    /// Queues the step's notices to the customer when the step has one: an e-mail (text and
    /// HTML from the `notice` template, the step's PDF attached) when the customer has an
    /// e-mail address, and an SMS (the template's `sms` text) when the customer has an
    /// international phone number. Returns the e-mail's Message-ID (else the SMS's), the same
    /// whenever the same step is queued again.
    func queueNotice(_ step: ClaimStep, rma: String, data: Data, document: IssuedPDF?,
                     in transaction: any JournalTransaction) throws(JournalError) -> String? {
        guard let event = step.noticeEvent else { return nil }
        let base = try parse(data)
        let locale = DocumentLocale(rawValue: base.value(at: ["locale"])?.stringValue ?? "en") ?? .en
        let sender = base.value(at: ["service_center", "email"])?.stringValue ?? ""
        let subject = renderer.mailSubject(event, rma: rma, locale: locale)
        func noticeData(_ channel: OutboxMessage.Channel, to recipient: String) -> Data {
            base.setting(.object([("channel", .string(channel.rawValue)), ("event", .string(event.rawValue)),
                                  ("to", .string(recipient))]), at: ["notice"]).data
        }
        func message(_ channel: OutboxMessage.Channel, to recipient: String, text: [UInt8], html: [UInt8]) -> OutboxMessage {
            let attached = channel == .email ? document : nil
            return OutboxMessage(
                id: 0, messageID: Self.messageID(rma: rma, event: event.rawValue, sender: sender, channel: channel),
                rma: rma, event: event.rawValue, sender: sender, recipient: recipient, subject: subject,
                text: String(decoding: text, as: UTF8.self), html: String(decoding: html, as: UTF8.self),
                attachmentName: attached.map { Self.fileName($0.document.number) + ".pdf" }, attachment: attached?.bytes,
                status: .pending, attempts: 0, nextAttempt: 0, lastError: nil, channel: channel)
        }
        var queued: [String] = []
        if let address = base.value(at: ["claim", "customer", "email"])?.stringValue, !address.isEmpty {
            let data = noticeData(.email, to: address)
            let text = try render(.notice, data: data, format: .text, renderer: renderer, in: transaction)
            let html = try render(.notice, data: data, format: .html, renderer: renderer, in: transaction)
            let email = message(.email, to: address, text: text.bytes, html: html.bytes)
            try transaction.enqueue(email)
            queued.append(email.messageID)
        }
        if let phone = base.value(at: ["claim", "customer", "phone"])?.stringValue,
           let number = OutboxMessage.internationalNumber(phone) {
            let text = try render(.notice, data: noticeData(.sms, to: number), format: .sms, renderer: renderer, in: transaction)
            let sms = message(.sms, to: number, text: text.bytes, html: [])
            try transaction.enqueue(sms)
            queued.append(sms.messageID)
        }
        return queued.first
    }

    /// `talon.<hash of rma and event>.<event>@<service centre's domain>` (an SMS has `.sms`
    /// after the event): ASCII, and the same for every attempt, so a receiver can drop a copy
    /// sent twice after a lost reply.
    static func messageID(rma: String, event: String, sender: String, channel: OutboxMessage.Channel = .email) -> String {
        let domain = sender.split(separator: "@").last.map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? "talon.invalid"
        let hash = SHA256.hex(Array("\(rma)\u{0}\(event)".utf8)).prefix(24)
        let suffix = channel == .email ? "" : ".\(channel.rawValue)"
        return "talon.\(hash).\(event)\(suffix)@\(domain.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })"
    }

    /// A file name from a document number: `RMA-2025-00001/diagnosis` → `RMA-2025-00001-diagnosis`.
    static func fileName(_ number: String) -> String {
        number.replacingOccurrences(of: "/", with: "-")
    }
}

/// A short e-mail or SMS notice to the customer about a claim.
///
/// Input: `"notice": {"event": "received" | "diagnosis-ready" | "invoice" |
/// "ready-for-pickup", "channel": "email" | "sms", "to": "…"}`. `channel` defaults to
/// e-mail when the customer has an address, else SMS; `to` defaults to the customer's
/// e-mail or telephone and must fit the channel.
public struct Notice: Sendable, Hashable {
    public enum Event: String, Sendable, Hashable, CaseIterable {
        case received
        case diagnosisReady = "diagnosis-ready"
        case invoice
        case readyForPickup = "ready-for-pickup"
    }

    public enum Channel: String, Sendable, Hashable, CaseIterable {
        case email
        case sms
    }

    public let event: Event
    public let channel: Channel
    /// E-mail address or telephone number.
    public let recipient: String

    static func read(_ cursor: JSONCursor, claim: Claim) -> Notice? {
        guard let object = cursor.object(required: true, keys: ["event", "channel", "to"]) else { return nil }
        let event = object["event"].choice(required: true, of: Event.allCases.map(\.rawValue)).flatMap(Event.init(rawValue:))
        var channel = Channel.email
        if let text = object["channel"].choice(required: false, of: Channel.allCases.map(\.rawValue)) {
            channel = Channel(rawValue: text) ?? .email
        } else if object["channel"].isMissing, claim.customer.email == nil {
            channel = .sms
        }
        var recipient: String?
        switch channel {
        case .email: recipient = object["to"].email(required: false) ?? (object["to"].isMissing ? claim.customer.email : nil)
        case .sms: recipient = object["to"].phone(required: false) ?? (object["to"].isMissing ? claim.customer.phone : nil)
        }
        if recipient == nil && object["to"].isMissing {
            object["to"].report(channel == .email
                ? "required (the customer has no e-mail address)" : "required (the customer has no telephone)")
        }
        guard let event, let recipient else { return nil }
        return Notice(event: event, channel: channel, recipient: recipient)
    }
}

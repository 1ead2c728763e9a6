/// What the service centre records when it takes a device in, beyond the claim itself:
/// the device's condition (the seals and any visible damage decide clauses 3 and 5 of the
/// terms), the documents shown, how the device goes back, the customer's consent to the
/// processing of personal data and the employee who received it.
///
/// Input (`claim.intake`, every member optional):
/// ```json
/// {"seals": "intact", "damage": "scratches on the housing", "warranty_card_shown": true,
///  "receipt_shown": false, "return_method": "post", "return_address": "…",
///  "personal_data_consent": true, "received_by": "…"}
/// ```
public struct Intake: Sendable, Hashable {
    /// The state of the device's seals on intake.
    public enum Seals: String, Sendable, Hashable, CaseIterable {
        case intact
        case damaged
        case absent
    }

    public var seals: Seals?
    /// Visible damage as found on intake ("none" when there is none).
    public var damage: String?
    public var warrantyCardShown: Bool?
    public var receiptShown: Bool?
    /// How the device goes back to the customer.
    public var returnMethod: ReturnInfo.Method?
    /// Where it goes, for courier or post.
    public var returnAddress: String?
    public var personalDataConsent: Bool?
    /// The employee who received the device.
    public var receivedBy: String?

    public init(
        seals: Seals? = nil, damage: String? = nil, warrantyCardShown: Bool? = nil, receiptShown: Bool? = nil,
        returnMethod: ReturnInfo.Method? = nil, returnAddress: String? = nil, personalDataConsent: Bool? = nil,
        receivedBy: String? = nil
    ) {
        self.seals = seals
        self.damage = damage
        self.warrantyCardShown = warrantyCardShown
        self.receiptShown = receiptShown
        self.returnMethod = returnMethod
        self.returnAddress = returnAddress
        self.personalDataConsent = personalDataConsent
        self.receivedBy = receivedBy
    }

    static let keys = ["seals", "damage", "warranty_card_shown", "receipt_shown", "return_method", "return_address",
                       "personal_data_consent", "received_by"]

    static func read(_ cursor: JSONCursor) -> Intake? {
        guard let object = cursor.object(required: false, keys: keys) else { return nil }
        func flag(_ key: String) -> Bool? { object[key].isMissing ? nil : object[key].bool(default: false) }
        let method = object["return_method"].choice(required: false, of: ReturnInfo.Method.allCases.map(\.rawValue))
        let intake = Intake(
            seals: object["seals"].choice(required: false, of: Seals.allCases.map(\.rawValue)).flatMap(Seals.init(rawValue:)),
            damage: object["damage"].string(required: false, maxLength: 1000),
            warrantyCardShown: flag("warranty_card_shown"),
            receiptShown: flag("receipt_shown"),
            returnMethod: method.flatMap(ReturnInfo.Method.init(rawValue:)),
            returnAddress: object["return_address"].string(required: false, maxLength: 500),
            personalDataConsent: flag("personal_data_consent"),
            receivedBy: object["received_by"].string(required: false, maxLength: 200))
        if intake.returnMethod != nil, intake.returnMethod != .pickup, intake.returnAddress == nil,
            object["return_address"].isMissing {
            object["return_address"].report("required when the device goes back by courier or post")
        }
        return intake
    }
}

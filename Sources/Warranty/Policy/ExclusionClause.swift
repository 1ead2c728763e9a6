/// A numbered clause of the warranty terms naming something the warranty does not
/// cover. A diagnosis cites clauses by number; citing any makes the repair not covered.
public struct ExclusionClause: Sendable, Hashable, Identifiable {
    /// Whether the clause voids the warranty for the product (1–12) or only excludes a
    /// kind of claim (13–14, "also not covered").
    public enum Group: String, Sendable, Hashable {
        case voidsWarranty = "voids-warranty"
        case alsoNotCovered = "also-not-covered"
    }

    /// The clause number printed on documents and cited by a diagnosis.
    public let number: Int
    public let group: Group
    /// The clause text.
    public let text: LocalizedText

    public var id: Int { number }

    public init(number: Int, group: Group, text: LocalizedText) {
        self.number = number
        self.group = group
        self.text = text
    }

    /// The brand's published list, numbered 1–14.
    public static let standard: [ExclusionClause] = ExclusionClause.catalogue

    /// The standard clause numbered `number`, if any.
    public static func numbered(_ number: Int) -> ExclusionClause? {
        standard.first { $0.number == number }
    }
}

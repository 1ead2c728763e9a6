/// A numbered clause of the warranty terms naming something the warranty does not
/// cover. A diagnosis cites clauses by number; citing any makes the repair not covered.
/// The domain knows only the number and what the clause means for coverage; its words, in
/// each language, are the catalogues' `clause.<number>` (`Templates/locales/<tag>.json`).
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

    public var id: Int { number }

    public init(number: Int, group: Group) {
        self.number = number
        self.group = group
    }

    /// The brand's published terms, in their order: clause 1 is the loss of the card, 2–12
    /// the inappropriate uses the brand numbers 1–11 ("the warranty is void if"), 13–14 what
    /// the warranty does not cover.
    public static let standard: [ExclusionClause] = (1...14).map {
        ExclusionClause(number: $0, group: $0 <= 12 ? .voidsWarranty : .alsoNotCovered)
    }

    /// The standard clause numbered `number`, if any.
    public static func numbered(_ number: Int) -> ExclusionClause? {
        standard.first { $0.number == number }
    }
}

/// The language a document is printed in.
public enum DocumentLocale: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case uk
}

/// A text in every document language.
public struct LocalizedText: Sendable, Hashable {
    public let en: String
    public let uk: String

    public init(en: String, uk: String) {
        self.en = en
        self.uk = uk
    }

    /// The text in `locale`.
    public func text(_ locale: DocumentLocale) -> String {
        switch locale {
        case .en: en
        case .uk: uk
        }
    }
}

/// The language a document is printed in.
public enum DocumentLocale: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case uk
    case pl
}

/// A text in every document language.
public struct LocalizedText: Sendable, Hashable {
    public let en: String
    public let uk: String
    /// Polish; the English text where none is given (a calendar file from before Polish).
    public let pl: String

    public init(en: String, uk: String, pl: String? = nil) {
        self.en = en
        self.uk = uk
        self.pl = pl ?? en
    }

    /// The text in `locale`.
    public func text(_ locale: DocumentLocale) -> String {
        switch locale {
        case .en: en
        case .uk: uk
        case .pl: pl
        }
    }
}

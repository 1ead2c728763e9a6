/// The language a document is printed in.
public enum DocumentLocale: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case uk
    case pl
}

/// A text in the document languages, by language tag; English is always given and stands
/// in for a language without its own text (a calendar file from before that language).
public struct LocalizedText: Sendable, Hashable {
    /// The texts by language tag (`en`, `uk`, `pl`).
    public let texts: [String: String]

    public init(en: String, uk: String, pl: String? = nil) {
        var texts = ["en": en, "uk": uk]
        texts["pl"] = pl
        self.texts = texts
    }

    /// Texts by tag; `en` is required, so the fallback exists.
    public init(en: String, others: [String: String]) {
        self.texts = others.merging(["en": en]) { $1 }
    }

    public var en: String { texts["en"] ?? "" }
    public var uk: String { text(.uk) }
    public var pl: String { text(.pl) }

    /// The text in `locale`, else the English one.
    public func text(_ locale: DocumentLocale) -> String {
        texts[locale.rawValue] ?? en
    }
}

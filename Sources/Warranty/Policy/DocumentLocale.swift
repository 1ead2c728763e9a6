/// The language a document is printed in: a language tag (`en`, `uk`, `pl`). Which tags
/// exist is data — a language is known when the templates have its catalogue
/// (`Templates/locales/<tag>.json`) — so no code lists them; the code a language may add
/// is its amount in words (`AmountInWords.implementations`).
public struct DocumentLocale: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// A tag: lowercase letters, optionally `-` and a subtag (`en`, `pt-br`); nil otherwise.
    public init?(rawValue: String) {
        guard Self.isTag(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// English, the language of data that names none.
    public static let en = DocumentLocale(tag: "en")
    /// The tags of two built-in catalogues, named for code that names one (tests,
    /// benchmarks); nothing decides by them.
    public static let uk = DocumentLocale(tag: "uk")
    public static let pl = DocumentLocale(tag: "pl")

    private init(tag: String) {
        rawValue = tag
    }

    public var description: String { rawValue }

    /// Lowercase letters (2 to 8), optionally followed by `-` and a subtag of the same kind.
    public static func isTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { part in
            (2...8).contains(part.count) && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard Self.isTag(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a language tag: \(text)"))
        }
        rawValue = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A text in the document languages, by language tag (a calendar's name in its file);
/// English is always given and stands in for a language without its own text.
public struct LocalizedText: Sendable, Hashable {
    /// The texts by language tag (`en`, `uk`, `pl`, …).
    public let texts: [String: String]

    /// Texts by tag; `en` is required, so the fallback exists.
    public init(en: String, others: [String: String]) {
        self.texts = others.merging(["en": en]) { $1 }
    }

    public var en: String { texts["en"] ?? "" }

    /// The text in `locale`, else the English one.
    public func text(_ locale: DocumentLocale) -> String {
        texts[locale.rawValue] ?? en
    }
}

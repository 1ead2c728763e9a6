import Foundation
import Testing
import TestSupport
@testable import TalonDocuments
import Warranty

/// Every warranty-card sample prints in every language with that language's words and
/// dates (the service documents' samples: ServiceDocumentsRenderTests).
@Suite struct LocaleSamplesTests {
    static let expected: [DocumentLocale: (title: String, date: String)] = [
        .en: ("Warranty card No.", "January 31, 2023"),
        .uk: ("Гарантійний талон №", "31.01.2023"),
        .pl: ("Karta gwarancyjna nr", "31.01.2023"),
    ]

    @Test(arguments: ["en", "pl"])
    func warrantyCardSampleInEveryLanguage(sample: String) throws {
        let data = try Data(contentsOf: ServiceFixtures.samples.appendingPathComponent("warranty-card.\(sample).json"))
        for locale in ServiceFixtures.locales {
            let document = try ServiceFixtures.render(.warrantyCard, data, locale: locale)
            let text = try ServiceFixtures.pdfText(document).replacingOccurrences(of: "\u{00A0}", with: " ")
            let words = try #require(Self.expected[locale], "\(locale) has expected words")
            #expect(text.contains("\(words.title) WC-2023-000877"), "\(sample) as \(locale): \(text)")
            #expect(text.contains(words.date), "\(sample) as \(locale)")
            #expect(!text.contains("**") && !text.contains("{{"), "\(text)")
        }
    }
}

import Foundation
import Testing
@testable import TalonDocuments
import Mustache
import TalonPrimitives
import Warranty

/// The words the presenter writes itself (not-covered reasons, the payment purpose) come
/// from the document's catalogue, with the language's date format.
@Suite struct CatalogueWordsTests {
    static let reasons: [DocumentLocale: (one: String, several: String)] = [
        .en: ("Excluded by clause 4 of the warranty terms.", "Excluded by clauses 4, 8 of the warranty terms."),
        .uk: ("Виключено пунктом 4 умов гарантії.", "Виключено пунктами 4, 8 умов гарантії."),
        .pl: ("Wyłączone na mocy punktu 4 warunków gwarancji.", "Wyłączone na mocy punktów 4, 8 warunków gwarancji."),
    ]

    static func text(_ data: Data, _ locale: DocumentLocale) throws -> String {
        try ServiceFixtures.text(.invoice, data, locale: locale).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func notCoveredReasonsInEveryLanguage() throws {
        let sample = try Data(contentsOf: ServiceFixtures.samples.appendingPathComponent("invoice.en.json"))
        let source = String(decoding: sample, as: UTF8.self)
        let oneClause = Data(source.replacingOccurrences(of: "\"clauses\": [\n        4,\n        8\n      ]",
                                                         with: "\"clauses\": [4]").utf8)
        #expect(oneClause != sample)
        for locale in ServiceFixtures.locales {
            let words = try #require(Self.reasons[locale])
            #expect(try Self.text(sample, locale).contains(words.several), "\(locale)")
            #expect(try Self.text(oneClause, locale).contains(words.one), "\(locale)")
        }
    }

    /// A document fills in only the catalogue's texts with values that its template may print.
    @Test func textsUsedAreTheTemplatesOwn() throws {
        let renderer = try #require(ServiceFixtures.renderer)
        let catalogue = try renderer.catalogues.builtIn(.uk)
        let bound = renderer.boundLibraries.library(renderer.library, catalogue: catalogue)
        #expect(renderer.boundLibraries.textsUsed(by: "warranty-card", in: bound, catalogue: catalogue) == [])
        let notice = try #require(renderer.boundLibraries.textsUsed(by: "notice", in: bound, catalogue: catalogue))
        #expect(!notice.isEmpty && notice.allSatisfy { $0.hasPrefix("notice.") || $0.hasPrefix("mail.") })
        #expect(notice.allSatisfy { catalogue.templated[$0] != nil })
        let invoice = try #require(renderer.boundLibraries.textsUsed(by: "invoice", in: bound, catalogue: catalogue))
        #expect(invoice.contains("invoice.amounts_in_invoice_currency"))
    }

    @Test func aMissingKeyPrintsTheKeyAndDatesFollowTheFormats() throws {
        var options = PresentationOptions()
        options.formats = .en
        options.texts = ["reason.warranty_expired": "Ended {{date}}."]
        options.templates = ["reason.warranty_expired": try Template(source: "Ended {{date}}.", name: "test")]
        let end = try CalendarDate(iso: "2027-02-28")
        #expect(NotCoveredReason.warrantyExpired(validUntil: end).text(options, date: { $0.isoString }) == "Ended 2027-02-28.")
        #expect(NotCoveredReason.saleDateUnknown.text(options, date: { $0.isoString }) == "reason.sale_date_unknown")
    }
}

/// The exclusion clauses' words are catalogue entries (`clause.<number>`); the domain has
/// only their numbers and groups.
@Suite struct ClauseWordsTests {
    @Test func everyCatalogueHasTheFourteenClausesInItsLanguage() throws {
        let renderer = try #require(ServiceFixtures.renderer)
        #expect(renderer.locales == ServiceFixtures.locales, "the languages are the catalogues' file names")
        let en = renderer.clauseTexts(.en), uk = renderer.clauseTexts(.uk), pl = renderer.clauseTexts(.pl)
        for texts in [en, uk, pl] {
            #expect(texts.keys.sorted() == Array(1...14))
            #expect(texts.values.allSatisfy { !$0.isEmpty })
        }
        #expect((1...14).allSatisfy { en[$0] != uk[$0] && uk[$0] != pl[$0] })
        #expect(en[3]?.contains("dents") == true)
        #expect(uk[4]?.contains("1 см") == true)
        #expect(pl[1] == "Utracono kartę gwarancyjną.")
    }

    /// The claim e-mails' subjects (queued by the journal) are catalogue texts too.
    @Test func mailSubjectsInEveryLanguage() throws {
        let renderer = try #require(ServiceFixtures.renderer)
        #expect(renderer.mailSubject(.received, rma: "RMA-1", locale: .en) == "RMA-1: device received")
        #expect(renderer.mailSubject(.diagnosisReady, rma: "RMA-1", locale: .uk) == "RMA-1: висновок діагностики")
        #expect(renderer.mailSubject(.readyForPickup, rma: "RMA-1", locale: .pl) == "RMA-1: urządzenie gotowe do odbioru")
        for locale in ServiceFixtures.locales {
            for event in Notice.Event.allCases {
                let subject = renderer.mailSubject(event, rma: "RMA-1", locale: locale)
                #expect(subject.hasPrefix("RMA-1: ") && subject.count > 10, "\(locale) \(event)")
            }
        }
    }
}

/// A language is known when the templates have its catalogue: data naming another is
/// refused at `$.locale`, listing the catalogues' tags.
@Suite struct LocaleListTests {
    @Test func dataInALanguageWithoutACatalogueIsALocatedError() throws {
        let sample = try String(contentsOf: ServiceFixtures.samples.appendingPathComponent("warranty-card.en.json"), encoding: .utf8)
        let german = sample.replacingOccurrences(of: "\"locale\": \"en\"", with: "\"locale\": \"de\"")
        #expect(german != sample)
        do {
            _ = try ServiceFixtures.render(.warrantyCard, Data(german.utf8))
            Issue.record("rendered a language without a catalogue")
        } catch let TalonError.validation(error) {
            #expect(error.problems.map(\.path) == ["$.locale"])
            #expect(error.problems.first?.reason.hasPrefix("must be one of: en, pl, uk") == true, "\(error)")
        }
    }
}

/// Dates, weekdays, percentages and quantities print by the formats of each built-in
/// catalogue (`format.*`), not by code per language.
@Suite struct CatalogueFormatsTests {
    static func formats(_ tag: String) throws -> TemplateLocale {
        let file = ServiceFixtures.samples.deletingLastPathComponent().appendingPathComponent("Templates/locales/\(tag).json")
        return try LocaleCatalogue(file: file, tag: tag).locale
    }

    @Test func everyLanguagePrintsByItsCatalogue() throws {
        let expected: [(tag: String, date: String, weekday: String, percent: String, zero: String, quantity: String)] = [
            ("en", "February 9, 2024", "Friday", "7.5%", "0%", "1.5"),
            ("uk", "09.02.2024", "пʼятниця", "7,5\u{00A0}%", "0\u{00A0}%", "1,5"),
            ("pl", "09.02.2024", "piątek", "7,5%", "0%", "1,5"),
        ]
        let date = try CalendarDate(iso: "2024-02-09")
        for row in expected {
            let formats = try Self.formats(row.tag)
            #expect(formats.date(iso: date.isoString) == row.date, "\(row.tag)")
            #expect(formats.weekday(date.weekday.rawValue) == row.weekday, "\(row.tag)")
            #expect(formats.percent(Percentage(basisPoints: 750).description) == row.percent, "\(row.tag)")
            #expect(formats.percent(Percentage(basisPoints: 0).description) == row.zero, "\(row.tag)")
            #expect(formats.decimal(try DecimalNumber(parsing: "1.5").description) == row.quantity, "\(row.tag)")
        }
        #expect(try Self.formats("pl").weekday(3) == "środa")
        #expect(try Self.formats("en").weekday(8) == "")
    }
}

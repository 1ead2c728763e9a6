import Foundation
import Testing
import TestSupport
@testable import TalonDocuments
import Warranty

/// Every service document renders from its samples in every language, and the RMA form's
/// blank mode, thumbnails and barcode data behave as a service centre needs.
@Suite struct ServiceDocumentsRenderTests {
    static let kinds: [DocumentKind] = [.rma, .diagnosis, .invoice, .repairRecord, .notice]

    @Test(arguments: kinds, ["en", "uk", "pl"])
    func sampleRendersInBothLocales(kind: DocumentKind, sample: String) throws {
        let url = ServiceFixtures.samples.appendingPathComponent("\(kind.rawValue).\(sample).json")
        let data = try Data(contentsOf: url)
        for locale in ServiceFixtures.locales {
            let document = try ServiceFixtures.render(kind, data, locale: locale,
                                                      baseDirectory: url.deletingLastPathComponent())
            #expect(document.pageCount >= 1)
            let text = try ServiceFixtures.pdfText(document)
            let rma = sample == "uk" ? "RMA-2025-00042" : "RMA-2025-00107"  // pl: the en claim in Poland
            #expect(text.contains(rma), "\(kind) \(sample) as \(locale)")
            // Markup never leaks into the printed text.
            #expect(!text.contains("**") && !text.contains("@br") && !text.contains("{{"), "\(text)")
            // Each locale prints its own words.
            let calendarWord = ["en": "calendar", "uk": "календар", "pl": "kalendarza"][locale.rawValue] ?? "?"
            // Documents that print business-day dates name the calendar they were counted with
            // (the uk notice sample is a pickup notice, which prints none).
            if [.rma, .diagnosis, .invoice].contains(kind) || (kind == .notice && sample != "uk") {
                #expect(text.contains(calendarWord), "\(kind) \(locale) names its business calendar")
            }
        }
    }

    @Test func blankRMAFormHasLabelsAndNoValues() throws {
        for locale in ServiceFixtures.locales {
            let document = try ServiceFixtures.render(.rma, nil, locale: locale, blank: true)
            let text = try ServiceFixtures.pdfText(document)
            let labels = [
                "uk": ["Номер RMA", "Дата приймання", "ПІБ", "Модель", "Серійний номер", "Комплектність",
                       "Опис несправності", "Компанія", "Країна", "Ел. пошта", "Телефон", "Додані файли", "Замовник"],
                "en": ["RMA number", "Date received", "Full name", "Model", "Serial number", "Complete set of equipment",
                       "Failure description", "Company", "Country", "E-mail", "Telephone", "Attached files", "Customer"],
                "pl": ["Numer RMA", "Data przyjęcia", "Imię i nazwisko", "Model", "Numer seryjny", "Kompletacja",
                       "Opis usterki", "Firma", "Kraj", "E-mail", "Telefon", "Załączone pliki", "Klient"],
            ][locale.rawValue] ?? []
            #expect(!labels.isEmpty, "\(locale) has labels to look for")
            for label in labels {
                #expect(text.contains(label), "\(locale): \(label) missing in \(text)")
            }
            // No values: no dates, no RMA numbers, no calendar sentence, no stray markup.
            #expect(text.range(of: #"\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2}|RMA-\d"#, options: .regularExpression) == nil, "\(text)")
            #expect(!text.contains("**") && !text.contains("календар") && !text.contains("calendar:") && !text.contains("kalendarza"))
        }
    }

    @Test func blankIsOnlyForTheRMAForm() {
        #expect(throws: TalonError.self) { try ServiceFixtures.render(.invoice, nil, blank: true) }
    }

    @Test func imageAttachmentsAreDrawnRelativeToTheDataFolder() throws {
        let folder = try TestSupport.temporaryDirectory()
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        let jpeg = ServiceFixtures.samples.appendingPathComponent("uploads/rma-2025-00042/label.jpg")
        try FileManager.default.copyItem(at: jpeg, to: photos.appendingPathComponent("label.jpg"))
        // A text file named like a photo, a log, and a photo that does not exist.
        try Data("not a picture".utf8).write(to: photos.appendingPathComponent("fake.png"))
        var claim = ServiceFixtures.claim()
        claim["attachments"] = [
            ["name": "етикетка.jpg", "path": "photos/label.jpg"],
            ["name": "підробка.png", "path": "photos/fake.png"],
            ["name": "журнал.log", "path": "photos/system.log"],
            ["name": "зникле.jpeg", "path": "photos/missing.jpeg"],
        ]
        let data = ServiceFixtures.document(claim)
        let document = try ServiceFixtures.render(.rma, data, baseDirectory: folder)
        let pdf = folder.appendingPathComponent("rma.pdf").path
        try Data(document.bytes).write(to: URL(fileURLWithPath: pdf))
        let images = try TestSupport.run("pdfimages", ["-list", pdf]).stdoutText
        // Header and separator line, then one row per image drawn.
        let rows = images.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 1, "\(images)")
        let text = try PDFTools.text(pdf)
        for name in ["етикетка.jpg", "підробка.png", "журнал.log", "зникле.jpeg"] {
            #expect(text.contains(name), "\(name) listed")
        }

        // The same data with the data folder unknown: nothing resolves, nothing fails.
        let elsewhere = try ServiceFixtures.render(.rma, data, baseDirectory: photos)
        try Data(elsewhere.bytes).write(to: URL(fileURLWithPath: pdf))
        #expect(try TestSupport.run("pdfimages", ["-list", pdf]).stdoutText.split(separator: "\n").count == 2)
    }

    @Test func rmaFormShowsTheDiagnosisDueDateAndBothSignatures() throws {
        let text = try ServiceFixtures.text(.rma, ServiceFixtures.document(ServiceFixtures.claim()))
        #expect(text.contains("Діагностика до 12.03.2025"))
        #expect(text.contains("07.03.2025 (пʼятниця)"))
        #expect(text.contains("Замовник: Олена Тест"))
        #expect(text.contains("Прийняв(ла) від сервісного центру"))
        #expect(text.contains("29.02.2024"))
        // 2024-02-29 + 36 months ends on the last day of February 2027.
        #expect(text.contains("28.02.2027 (на гарантії)"))
    }

    @Test func documentsAreDeterministic() throws {
        let data = try Data(contentsOf: ServiceFixtures.samples.appendingPathComponent("invoice.uk.json"))
        let first = try ServiceFixtures.render(.invoice, data)
        let second = try ServiceFixtures.render(.invoice, data)
        #expect(first.bytes == second.bytes)
    }
}

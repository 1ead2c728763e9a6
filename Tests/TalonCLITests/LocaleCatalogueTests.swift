import Foundation
import Testing
import TestSupport

/// One template per document, words from `Templates/locales/<tag>.json`: the Polish
/// invoice, plural forms and `talon check` on the catalogues, from outside. (Every sample in
/// every language is rendered in-process by TalonDocumentsTests.)
@Suite struct LocaleCatalogueTests {
    static let root = TestSupport.packageRoot

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talon-locales-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func polishInvoiceIsAFakturaWithNIPAndAmountInWords() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("invoice.pdf").path
        let result = try TestSupport.talon(["render", "invoice", Self.root.appendingPathComponent("Samples/invoice.pl.json").path, "-o", pdf])
        #expect(result.status == 0, "\(result.stderrText)")
        let text = try PDFTools.text(pdf).replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(text.contains("Faktura nr INV-2025-0107 z dnia 02.07.2025"))
        #expect(text.contains("NIP 5862312345"))
        #expect(text.contains("752,82 zł"))
        #expect(text.contains("Słownie: siedemset pięćdziesiąt dwa złote 82/100"))
        #expect(text.contains("Polska: ustawowe dni wolne od pracy"))
        #expect(!text.contains("Excluded"))
    }

    /// CLDR plural forms through the catalogue: uk and pl one/few/many.
    @Test func pluralFormsInUkrainianAndPolish() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("days.mustache")
        try "{{#counts}}{{. | plural: \"plural.days\"}};{{/counts}}\n".write(to: template, atomically: true, encoding: .utf8)
        let data = folder.appendingPathComponent("counts.json")
        try #"{"counts": [1, 2, 5, 11, 21, 22, 25, 111]}"#.write(to: data, atomically: true, encoding: .utf8)
        let expected = [
            "uk": "1 день;2 дні;5 днів;11 днів;21 день;22 дні;25 днів;111 днів;",
            "pl": "1 dzień;2 dni;5 dni;11 dni;21 dni;22 dni;25 dni;111 dni;",
            "en": "1 day;2 days;5 days;11 days;21 days;22 days;25 days;111 days;",
        ]
        for (language, line) in expected {
            let result = try TestSupport.talon(["render", template.path, data.path, "--locale", language, "--format", "text", "-o", "-"])
            #expect(result.status == 0, "\(result.stderrText)")
            #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == line, "\(language)")
        }
    }

    /// A key deleted from one catalogue, a plural lacking forms and an unused key are each
    /// reported with file:line, and check fails.
    @Test func aCatalogueWithADuplicateKeyIsRefusedByItsKey() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Templates"), to: templates)
        let english = templates.appendingPathComponent("locales/en.json")
        var text = try String(contentsOf: english, encoding: .utf8)
        text = text.replacingOccurrences(of: "{\n", with: "{\n  \"rma.country\": \"Land\",\n", options: [], range: text.range(of: "{\n"))
        try text.write(to: english, atomically: true, encoding: .utf8)
        let result = try TestSupport.talon(["check", "rma", "--templates", templates.path])
        #expect(result.status == 1)
        #expect(result.stderrText.contains("en.json: error: not valid JSON: $['rma.country']: duplicate key"), "\(result.stderrText)")
    }

    @Test func checkReportsCatalogueProblems() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Templates"), to: templates)
        let polish = templates.appendingPathComponent("locales/pl.json")
        var text = try String(contentsOf: polish, encoding: .utf8)
        text = text.replacingOccurrences(of: "  \"rma.country\": \"Kraj\",\n", with: "")
        text = text.replacingOccurrences(of: "  \"reason.clause\": \"Wyłączone na mocy punktu {{numbers}} warunków gwarancji.\",\n", with: "")
        text = text.replacingOccurrences(of: ##""plural.days": {"one": "# dzień", "few": "# dni", "many": "# dni", "other": "# dnia"}"##,
                                         with: ##""plural.days": {"one": "# dzień", "other": "# dnia"}"##)
        text = text.replacingOccurrences(of: "{\n", with: "{\n  \"rma.spare\": \"Zapas\",\n", options: [], range: text.range(of: "{\n"))
        try text.write(to: polish, atomically: true, encoding: .utf8)
        let result = try TestSupport.talon(["check", "rma", "--templates", templates.path])
        #expect(result.status == 1)
        let errors = result.stderrText
        #expect(errors.contains("rma.mustache:38: error: key \"rma.country\" is missing in \(polish.path)"), "\(errors)")
        #expect(errors.contains("error: key \"reason.clause\" is missing in \(polish.path)"), "\(errors)")
        #expect(errors.contains("pl.json:2: error: key \"rma.spare\" is not used by any template"), "\(errors)")
        #expect(errors.contains("error: plural \"plural.days\" lacks few, many (pl needs one, few, many, other)"), "\(errors)")

        let clean = try TestSupport.talon(["check", "rma", "invoice"])
        #expect(clean.status == 0, "\(clean.stderrText)")
    }

    /// A new language is a file: a fourth catalogue (`de.json`, English with some German
    /// words) in a copied template set, no code change, is a known `--locale` that prints a
    /// card with its words and clauses and passes `talon check`. The invoice also needs an
    /// amount in words, the one thing a language adds in code, and says so.
    @Test func aFourthCatalogueIsANewLanguage() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Templates"), to: templates)
        var words = try String(contentsOf: templates.appendingPathComponent("locales/en.json"), encoding: .utf8)
        for (english, german) in [("\"Warranty card\"", "\"Garantiekarte\""),
                                  ("\"The product has mechanical damage (dents, cracks, chips, etc.).\"",
                                   "\"Das Produkt hat mechanische Schäden (Dellen, Risse, Absplitterungen usw.).\"")] {
            #expect(words.contains(english))
            words = words.replacingOccurrences(of: english, with: german)
        }
        try words.write(to: templates.appendingPathComponent("locales/de.json"), atomically: true, encoding: .utf8)
        let card = folder.appendingPathComponent("card.pdf").path
        let sample = Self.root.appendingPathComponent("Samples/warranty-card.en.json").path
        let rendered = try TestSupport.talon(["render", "warranty-card", sample, "--templates", templates.path, "--locale", "de", "-o", card])
        #expect(rendered.status == 0, "\(rendered.stderrText)")
        let text = try PDFTools.text(card)
        #expect(text.contains("Garantiekarte"), "\(text)")
        #expect(text.contains("Das Produkt hat mechanische Schäden"), "\(text)")
        #expect(!text.contains("mechanical damage"))

        let checked = try TestSupport.talon(["check", "warranty-card", "--templates", templates.path])
        #expect(checked.status == 0, "\(checked.stdoutText)\(checked.stderrText)")

        let invoice = folder.appendingPathComponent("invoice.pdf").path
        let refused = try TestSupport.talon(["render", "invoice", Self.root.appendingPathComponent("Samples/invoice.en.json").path,
                                             "--templates", templates.path, "--locale", "de", "-o", invoice])
        #expect(refused.status == 1, "\(refused.stderrText)")
        #expect(refused.stderrText.contains("amount in words, and language 'de' has none"), "\(refused.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: invoice))

        let unknown = try TestSupport.talon(["render", "warranty-card", sample, "--templates", templates.path, "--locale", "fr", "-o", card])
        #expect(unknown.status == 2)
        #expect(unknown.stderrText.contains("expected one of: de, en, pl, uk"), "\(unknown.stderrText)")
    }
}

import Foundation
import Mustache
import Testing
import TestSupport
@testable import TalonDocuments
import Warranty

/// Inputs and rendering helpers for the service-document tests: a claim built in code so
/// each test states only the values it is about, and PDF text read back with pdftotext.
enum ServiceFixtures {
    /// The languages of the built-in templates (`ClauseWordsTests` checks the renderer
    /// finds exactly these catalogues).
    static let locales: [DocumentLocale] = [.en, .pl, .uk]

    /// One renderer for every test (it reads fonts, templates and calendars once).
    static let renderer: DocumentRenderer? = try? DocumentRenderer(resources: ResourceLocator.discover())

    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    /// A claim received on Friday 2025-03-07, sold 2024-02-29 (in warranty), as a JSON object.
    static func claim() -> [String: Any] {
        [
            "rma": "RMA-T-001",
            "received": "2025-03-07",
            "customer": ["name": "Олена Тест", "email": "olena@example.com", "phone": "+380 67 555 01 23"],
            "product": ["model": "IPC-T1", "serial": "SN-T1-0001", "warranty_months": 36],
            "sale": ["date": "2024-02-29"],
            "equipment_set": "Камера, кронштейн",
            "failure": "Не вмикається",
            "currency": "UAH",
        ]
    }

    static func diagnosis(date: String = "2025-03-11", clauses: [Int] = []) -> [String: Any] {
        ["date": date, "technician": "Євген Ґудзь", "findings": "Згорів стабілізатор", "clauses": clauses,
         "repair": ["standard_components": true]]
    }

    static func line(_ description: String, quantity: Any = 1, price: String, vat: Any? = nil,
                     covered: Bool? = nil, kind: String = "work") -> [String: Any] {
        var line: [String: Any] = ["description": description, "kind": kind, "quantity": quantity, "unit_price": price]
        if let vat { line["vat_rate"] = vat }
        if let covered { line["covered"] = covered }
        return line
    }

    static func invoice(_ lines: [[String: Any]], vat: Any = 20) -> [String: Any] {
        ["number": "INV-T-1", "date": "2025-03-12", "vat_rate": vat, "lines": lines]
    }

    /// The whole document input around `claim`.
    static func document(_ claim: [String: Any], locale: String = "uk", calendar: String? = nil,
                         notice: [String: Any]? = nil) -> Data {
        var root: [String: Any] = [
            "locale": locale,
            "service_center": ["company": "Тест Сервіс", "phone": "+380 44 000 00 00", "address": "вул. Тестова, 1"],
            "claim": claim,
        ]
        if let calendar { root["calendar"] = calendar }
        if let notice { root["notice"] = notice }
        return (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])) ?? Data()
    }

    /// Renders a built-in document; throws the renderer's error.
    static func render(_ kind: DocumentKind, _ data: Data?, locale: DocumentLocale? = nil, format: OutputFormat = .pdf,
                       blank: Bool = false, baseDirectory: URL? = nil) throws -> RenderedDocument {
        guard let renderer else { throw FixtureFailure.noRenderer }
        return try renderer.render(RenderRequest(
            template: .builtIn(kind), data: data, locale: locale, format: format, blank: blank,
            baseDirectory: baseDirectory))
    }

    /// The PDF's text with whitespace runs made single spaces (pdftotext wraps lines);
    /// one page only when `page` is given.
    static func pdfText(_ document: RenderedDocument, page: Int? = nil) throws -> String {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("doc.pdf").path
        try Data(document.bytes).write(to: URL(fileURLWithPath: path))
        if let page {
            let result = try TestSupport.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", path, "-"])
            return result.stdoutText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return try PDFTools.text(path)
    }

    /// Renders to PDF and returns its text.
    static func text(_ kind: DocumentKind, _ data: Data, locale: DocumentLocale? = nil) throws -> String {
        try pdfText(render(kind, data, locale: locale))
    }

    /// The template context a document's data presents (no rendering), with the words of
    /// its language's catalogue as the renderer gives them.
    static func context(_ kind: DocumentKind, _ data: Data, sms: Bool = false) throws -> TemplateContextView {
        guard let renderer else { throw FixtureFailure.noRenderer }
        let document = try kind.decode(json: data, calendars: renderer.calendars.calendars(for: kind))
        guard case .service(let service) = document else { throw FixtureFailure.notAServiceDocument }
        let options = PresentationOptions(catalogue: try renderer.catalogues.builtIn(service.locale), sms: sms)
        return TemplateContextView(ServiceDocumentContext.present(service, locale: service.locale, options: options))
    }

    enum FixtureFailure: Error {
        case noRenderer
        case notAServiceDocument
    }
}

/// Reads a presented context by dotted path, for assertions.
struct TemplateContextView {
    let value: TemplateValue

    init(_ value: TemplateValue) {
        self.value = value
    }

    subscript(path: String) -> TemplateValue? {
        var current: TemplateValue? = value
        for part in path.split(separator: ".") {
            current = current?[String(part)]
        }
        return current
    }

    func string(_ path: String) -> String? {
        if case .string(let text)? = self[path] { return text }
        return nil
    }

    func bool(_ path: String) -> Bool? {
        if case .bool(let flag)? = self[path] { return flag }
        return nil
    }
}

import Foundation
import Layout
import Markup
import Mustache
import Warranty

/// What to produce from a template and its data.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// A printable PDF.
    case pdf
    /// Plain text (e-mail body).
    case text
    /// An HTML fragment (e-mail body).
    case html
    /// One short plain-text message; its encoding and segment count are reported.
    case sms
}

/// Which template to render: a built-in document by name, or a template file.
public enum TemplateReference: Sendable, Equatable {
    /// A document Talon ships, in `Templates/<kind>.mustache` (words from `Templates/locales/`).
    case builtIn(DocumentKind)
    /// A template file; its partials are looked up beside it, then among the built-in ones.
    case file(URL)

    /// A name without a slash or `.mustache` suffix is a built-in document; anything else a path.
    public init(parsing text: String) throws(TalonError) {
        if text.contains("/") || text.hasSuffix(".mustache") {
            self = .file(URL(fileURLWithPath: text))
        } else if let kind = DocumentKind(rawValue: text) {
            self = .builtIn(kind)
        } else {
            throw .unknownTemplate(text, available: DocumentKind.allCases.map(\.rawValue))
        }
    }
}

/// One rendering request.
public struct RenderRequest: Sendable {
    /// The template to fill.
    public var template: TemplateReference
    /// The JSON data; with `blank`, nil or the service centre's details (`BlankFormData`).
    public var data: Data?
    /// Name of the data in messages (a path or "-").
    public var dataName: String
    /// Overrides the locale named in the data.
    public var locale: DocumentLocale?
    /// For a template file, the document kind whose schema validates the data; nil
    /// validates nothing and hands the JSON to the template as it is.
    public var kind: DocumentKind?
    /// What to produce.
    public var format: OutputFormat
    /// Render the form empty, to fill in by hand (RMA form).
    public var blank: Bool
    /// The attachments folder: attachment paths are resolved in it and may not lead out of
    /// it (the data file's folder, or one given with `--attachments`); nil means the
    /// current directory.
    public var baseDirectory: URL?
    /// Passwords and PDF/A over the template's front matter.
    public var pdf: PDFOptions
    /// The data already decoded by `DocumentRenderer.decode(_:kind:)`, for a caller that
    /// validated it before (a journal issuing cards): rendering then skips decoding `data`
    /// again. It must be what decoding `data` gives; `data` is still the document's data
    /// (PDF/A attachment, messages).
    public var decoded: WarrantyDocument?

    /// A request; only the template and the data are required.
    public init(template: TemplateReference, data: Data?, dataName: String = "data.json",
                locale: DocumentLocale? = nil, kind: DocumentKind? = nil, format: OutputFormat = .pdf,
                blank: Bool = false, baseDirectory: URL? = nil, pdf: PDFOptions = PDFOptions()) {
        self.template = template
        self.data = data
        self.dataName = dataName
        self.locale = locale
        self.kind = kind
        self.format = format
        self.blank = blank
        self.baseDirectory = baseDirectory
        self.pdf = pdf
    }
}

/// A finished document.
public struct RenderedDocument: Sendable {
    /// The PDF file, or the text / HTML / SMS as UTF-8.
    public var bytes: [UInt8]
    /// Pages in a PDF; 0 for text formats.
    public var pageCount: Int
    /// For SMS: encoding and segments.
    public var sms: SMSMessage?
    /// Things printed differently from the data, by JSON path (a photo that could not be
    /// read: `$.claim.attachments[2].path: warning: ...`).
    public var warnings: [String] = []
}

/// Renders documents: validates the data, fills the template, lays out and paints.
/// Create one per process (it reads fonts, templates and calendars once) and share it
/// across tasks: it holds no mutable state of its own.
public struct DocumentRenderer: Sendable {
    /// Where the templates and fonts were found.
    public let resources: ResourceLocator
    let calendars: CalendarShelf
    let pipeline: DocumentPipeline
    /// The built-in templates, one per document kind for every language.
    let library: TemplateLibrary
    let fileLibraries = FileTemplateLibraries()
    let boundLibraries = BoundLibraries()
    let catalogues: LocaleCatalogues

    /// Loads the font catalogue and the template folders (calendars are read on first use).
    /// - Throws: `TalonError.fonts` or `.input` when a resource is unusable.
    public init(resources: ResourceLocator) throws(TalonError) {
        self.resources = resources
        calendars = CalendarShelf(folder: resources.templates.appendingPathComponent("calendars"))
        pipeline = try DocumentPipeline(fontCatalogue: resources.fontCatalogue)
        // One template per document for every language (`Templates/<kind>.mustache`), its
        // words from the language's catalogue.
        library = TemplateLibrary(directories: [resources.templates], formatters: .standard)
        catalogues = LocaleCatalogues(templates: resources.templates)
    }

    /// Renders one document.
    public func render(_ request: RenderRequest) throws(TalonError) -> RenderedDocument {
        switch request.format {
        case .pdf:
            // The markup and its Document are local to displayList(for:), so they are gone
            // by the time painting starts: that keeps a long invoice's peak memory down.
            let (list, warnings) = try displayListAndWarnings(for: request)
            return RenderedDocument(bytes: try pipeline.paint(list), pageCount: list.pages.count, sms: nil, warnings: warnings)
        case .text, .html, .sms:
            return try textDocument(for: request)
        }
    }

    /// Plain text, HTML or one SMS line from the document's markup.
    private func textDocument(for request: RenderRequest) throws(TalonError) -> RenderedDocument {
        let (markup, name, warnings, _, locale) = try markupText(for: request)
        var document = try pipeline.parse(markup, file: name)
        switch request.format {
        case .html:
            let email = EmailDocument(title: document.setup.title, locale: locale, body: HTMLRenderer().render(document))
            return RenderedDocument(bytes: Array(email.html.utf8), pageCount: 0, sms: nil, warnings: warnings)
        case .sms:
            document.setup.header = []
            document.setup.footer = []
            let text = PlainTextRenderer(width: nil).render(document)
                .split(whereSeparator: \.isNewline).joined(separator: " ")
                .trimmingCharacters(in: .whitespaces)
            return RenderedDocument(bytes: Array(text.utf8), pageCount: 0, sms: SMSMessage(text), warnings: warnings)
        case .text, .pdf:
            return RenderedDocument(bytes: Array(PlainTextRenderer(width: 72).render(document).utf8), pageCount: 0, sms: nil,
                                    warnings: warnings)
        }
    }

    /// Fills the template with the data: the markup text (UTF-8), the name used in its errors, the
    /// warnings about the data (see `RenderedDocument.warnings`), the name of the data
    /// attached to a PDF/A document and the document's language.
    func markupText(for request: RenderRequest) throws(TalonError) -> ([UInt8], String, [String], String, DocumentLocale) {
        var warnings: [String] = []
        let kind: DocumentKind?
        let templateName: String
        let library: TemplateLibrary
        let locale: DocumentLocale
        let context: TemplateValue
        // The catalogue, once the data's presenter has asked for it.
        var presented: LocaleCatalogue?
        switch request.template {
        case .builtIn(let builtIn):
            kind = builtIn
            templateName = builtIn.rawValue
        case .file(let url):
            kind = request.kind
            templateName = url.deletingPathExtension().lastPathComponent
        }
        if let kind {
            let document: WarrantyDocument
            if request.blank {
                guard kind == .rma else { throw .unsupported("--blank is available for the rma form only") }
                var form: BlankFormData?
                if let data = request.data {
                    do {
                        form = try BlankFormData.decode(json: data)
                    } catch {
                        throw .validation(error)
                    }
                }
                locale = request.locale ?? form?.locale ?? .en
                context = ServiceDocumentContext.blankRMA(locale: locale, serviceCenter: form?.serviceCenter)
            } else {
                guard let data = request.data else {
                    throw .input(path: request.dataName, reason: "no data given")
                }
                if let decoded = request.decoded {
                    document = decoded
                } else {
                    let calendars = try calendars.calendars(for: kind)
                    do {
                        document = try kind.decode(json: data, calendars: calendars)
                    } catch {
                        throw .validation(error)
                    }
                }
                locale = request.locale ?? document.locale
                let catalogue = try catalogue(for: request, locale: locale)
                presented = catalogue
                var options = PresentationOptions(catalogue: catalogue, sms: request.format == .sms)
                if case .service(let service) = document {
                    options.attachmentFiles = AttachmentFiles(service.claim.attachments, folder: request.baseDirectory)
                    warnings = options.attachmentFiles.warnings
                }
                do {
                    context = try DocumentContext.present(document, locale: locale, options: options)
                } catch {
                    throw .validation(error)
                }
            }
        } else {
            locale = request.locale ?? .en
            guard let data = request.data else { throw .input(path: request.dataName, reason: "no data given") }
            do {
                context = try TemplateValue(json: data, file: request.dataName)
            } catch {
                throw .template(error)
            }
        }
        let catalogue: LocaleCatalogue
        if let presented { catalogue = presented } else { catalogue = try self.catalogue(for: request, locale: locale) }
        switch request.template {
        case .builtIn:
            library = self.library
        case .file(let url):
            library = fileLibraries.library(for: url, builtInFolder: resources.templates.standardizedFileURL)
        }
        // Every format goes through the markup, so values are always escaped for it.
        let options = RenderOptions(escaper: Escaper(appending: MarkupEscaper.append), locale: catalogue.locale)
        do {
            let text: [UInt8]
            if case .builtIn = request.template, case .map = context {
                // The catalogue's words are under `t`: its fixed ones are bound in once per language,
                // and of the texts that use values only those the template may print are filled in.
                let bound = boundLibraries.library(library, catalogue: catalogue)
                let used = boundLibraries.textsUsed(by: templateName, in: bound, catalogue: catalogue)
                let filled = try catalogue.context(for: context, options: options, filling: used)
                text = try bound.renderUTF8(name: templateName, data: filled, options: options)
            } else {
                let filled = try catalogue.context(for: context, options: options)
                text = try library.renderUTF8(name: templateName, data: filled, options: options)
            }
            return (text, "\(templateName).mustache (rendered)", warnings,
                    PDFOptions.attachmentName(template: templateName, locale: locale.rawValue), locale)
        } catch {
            throw .template(error)
        }
    }

    /// The words and formats a request renders with: the built-in catalogue of the
    /// language, extended by a template file's own.
    func catalogue(for request: RenderRequest, locale: DocumentLocale) throws(TalonError) -> LocaleCatalogue {
        try check(locale, for: request)
        return switch request.template {
        case .builtIn: try catalogues.builtIn(locale)
        case .file(let url): try catalogues.forTemplate(in: url.deletingLastPathComponent(), locale: locale)
        }
    }
}

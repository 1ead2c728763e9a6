import Foundation
import Mustache
import TalonPrimitives
import Warranty

/// The words of one language for the templates (`Templates/locales/<tag>.json`): a flat JSON
/// object of keys to texts, a key to plural forms (`{"one": "# day", "other": "# days"}`),
/// and the `format.*` keys that make the language's `TemplateLocale` (date pattern, month
/// names, separators, money pattern, plural rule) with `currency.<CODE>` symbols.
///
/// Templates print a text with `{{{t.some.key}}}` (texts are markup, like the template's
/// own words) and a counted noun with `{{count | plural: "key"}}`. A text may use the
/// document's values (`"Dear {{claim.customer.name}},"`): it is filled from the whole data.
struct LocaleCatalogue: Sendable {
    /// The language tag, the file's name without `.json`.
    let tag: String
    /// The files read, in order (a custom template's catalogue after the built-in one).
    var files: [String]
    /// Plain texts by key.
    var texts: [String: String]
    /// Plural forms by key, then category.
    var plurals: [String: [String: String]]
    /// The files' texts and top-level keys, in `files` order: where a key is defined is
    /// only worked out for a message (`origins`), not for every catalogue a process loads.
    private(set) var sources: [(file: String, bytes: [UInt8], keys: [String])]
    /// The formats the locale formatters use, with the catalogue's plural texts.
    private(set) var locale: TemplateLocale
    /// The plain texts as the nested map templates see under `t` (`t.rma.title`).
    private(set) var words: TemplateValue = .map([:])
    /// Texts that use the document's values, compiled; filled in per document.
    private(set) var templated: [String: Template] = [:]
    /// The presenter's own texts that use values (`PresentationOptions.presenterKeys`), compiled.
    private(set) var presenterTemplates: [String: Template] = [:]

    /// Reads and checks `file`; `base` (the built-in catalogue) is extended when given, its
    /// keys replaced by the file's.
    init(file: URL, tag: String, over base: LocaleCatalogue? = nil) throws(TalonError) {
        self.tag = tag
        files = (base?.files ?? []) + [file.path]
        texts = base?.texts ?? [:]
        plurals = base?.plurals ?? [:]
        sources = base?.sources ?? []
        var formats: [String: JSONValue] = [:]
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .input(path: file.path, reason: "cannot read locale catalogue")
        }
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(data)
        } catch {
            throw .input(path: file.path, reason: "not valid JSON: \(error)")
        }
        guard case .object(let object) = parsed else {
            throw .input(path: file.path, reason: "a locale catalogue is one JSON object of keys to texts")
        }
        let path = file.path
        let bytes = [UInt8](data)
        sources.append((path, bytes, object.map { $0.key }))
        for (key, value) in object {
            var place: String { "\(path):\(Self.keyLines(bytes, only: [key])[key] ?? 1)" }
            guard Self.isWellFormed(key: key) else {
                throw .input(path: place, reason: "key \"\(key)\" must be dot-separated names without blanks or braces")
            }
            if key.hasPrefix("format.") || key.hasPrefix("currency.") {
                guard base == nil else {
                    throw .input(path: place, reason: "\"\(key)\": formats come from the built-in catalogue; "
                                 + "a template's own catalogue adds words only")
                }
                formats[key] = value
            } else if case .string(let text) = value {
                texts[key] = text
                plurals[key] = nil
            } else if case .object(let forms) = value {
                var plural: [String: String] = [:]
                for (category, form) in forms {
                    guard ["zero", "one", "two", "few", "many", "other"].contains(category), case .string(let text) = form else {
                        throw .input(path: place, reason: "plural \"\(key)\": \"\(category)\" is not a CLDR category with a text "
                                     + "(zero, one, two, few, many, other)")
                    }
                    plural[category] = text
                }
                plurals[key] = plural
                texts[key] = nil
            } else {
                throw .input(path: place, reason: "\"\(key)\" must be a text or an object of plural forms")
            }
        }
        if let base {
            locale = base.locale
            locale.plurals = plurals
        } else {
            locale = try Self.locale(tag: tag, formats: formats, plurals: plurals, file: file.path)
        }
        try compile()
    }

    /// Builds `words` and `templated` from `texts`. They are gone through in the dictionary's
    /// order, the cheapest; when one is wrong, again in key order, so that the error reported
    /// is always the same one (the first key's).
    private mutating func compile() throws(TalonError) {
        // The compiled texts are named by where they are defined.
        let places = origins(of: Set(texts.lazy.filter { Self.hasTag($0.value) }.map { $0.key }))
        let built: (words: WordTree, templated: [String: Template], presenter: [String: Template])
        do {
            built = try compile(texts, places: places)
        } catch {
            built = try compile(texts.sorted(by: { $0.key < $1.key }), places: places)
        }
        words = built.words.value
        templated = built.templated
        presenterTemplates = built.presenter
    }

    private func compile(_ texts: some Sequence<(key: String, value: String)>, places: [String: String]) throws(TalonError)
        -> (words: WordTree, templated: [String: Template], presenter: [String: Template]) {
        let words = WordTree()
        var templated: [String: Template] = [:], presenterTemplates: [String: Template] = [:]
        for (key, text) in texts {
            if Self.hasTag(text) {
                do {
                    let template = try Template(source: text, name: "\(places[key] ?? tag) (\(key))")
                    // The presenter fills its own keys from its values, not from the data.
                    if PresentationOptions.presenterKeys[key] == nil { templated[key] = template } else { presenterTemplates[key] = template }
                } catch {
                    throw .template(error)
                }
            }
            guard words.insert(text, at: key) else {
                throw .input(path: origins(of: [key])[key] ?? tag, reason: "key \"\(key)\" clashes with another key that is a prefix of it or has it as one")
            }
        }
        return (words, templated, presenterTemplates)
    }

    /// Dot-separated non-empty names without whitespace or braces. Keys are ASCII in
    /// practice, checked byte by byte; others go through `Character.isWhitespace`.
    static func isWellFormed(key: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: ".")
        var ascii = true
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "."): if previous == UInt8(ascii: ".") { return false }
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: " "), 0x09...0x0D: return false
            case 0x80...: ascii = false
            default: break
            }
            previous = byte
        }
        guard previous != UInt8(ascii: ".") else { return false }
        return ascii || !key.contains(where: \.isWhitespace)
    }

    /// Sets `value` at the dotted path inside nested maps; false when a text is in the way.
    /// Each map on the path is taken out of its parent while it changes, so it is changed in
    /// place rather than copied.
    private static func insert(_ value: TemplateValue, at path: ArraySlice<String>, into tree: inout TemplateValue) -> Bool {
        guard case .map(var members) = tree, let first = path.first else { return false }
        tree = .null
        defer { tree = .map(members) }
        if path.count == 1 {
            if case .map? = members[first] { return false }
            members[first] = value
        } else {
            var child = members.removeValue(forKey: first) ?? .map([:])
            let inserted = insert(value, at: path.dropFirst(), into: &child)
            members[first] = child
            return inserted
        }
        return true
    }

    /// The document's data with the catalogue under `t`, texts that use values filled in:
    /// those named in `filling` (the ones the template may print), or all of them when nil.
    func context(for data: TemplateValue, options: RenderOptions, filling: [String]? = nil) throws(TemplateError)
        -> TemplateValue {
        guard case .map(var members) = data else { return data }
        var words = self.words
        for key in filling ?? Array(templated.keys) {
            guard let template = templated[key] else { continue }
            let text = try template.render(data, options: options)
            _ = Self.insert(.string(text), at: Self.path(of: key)[...], into: &words)
        }
        members["t"] = words
        return .map(members)
    }

    private static func locale(tag: String, formats: [String: JSONValue], plurals: [String: [String: String]],
                               file: String) throws(TalonError) -> TemplateLocale {
        func text(_ key: String) throws(TalonError) -> String {
            guard case .string(let value)? = formats[key] else {
                throw .input(path: file, reason: "the catalogue needs \"\(key)\" (a text)")
            }
            return value
        }
        func names(_ key: String, _ count: Int, of what: String) throws(TalonError) -> [String] {
            let names: [String]? = if case .array(let items)? = formats[key] {
                items.compactMap { item in if case .string(let name) = item { name } else { nil } }
            } else { nil }
            guard let names, names.count == count else {
                throw .input(path: file, reason: "the catalogue needs \"\(key)\": a list of \(count) \(what) names")
            }
            return names
        }
        func months(_ key: String) throws(TalonError) -> [String] { try names(key, 12, of: "month") }
        let ruleName = try text("format.plural")
        guard let rule = PluralRule(rawValue: ruleName) else {
            throw .input(path: file, reason: "\"format.plural\": unknown rule \"\(ruleName)\"; known: "
                         + PluralRule.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var symbols: [String: String] = [:]
        for (key, value) in formats where key.hasPrefix("currency.") {
            guard case .string(let symbol) = value else { throw .input(path: file, reason: "\"\(key)\" must be a text") }
            symbols[String(key.dropFirst("currency.".count))] = symbol
        }
        return TemplateLocale(
            identifier: tag, datePattern: try text("format.date"), months: try months("format.months"),
            shortMonths: try months("format.months_short"), groupSeparator: try text("format.group"),
            decimalSeparator: try text("format.decimal"), moneyPattern: try text("format.money"),
            currencySymbols: symbols, pluralRule: rule, plurals: plurals, percentPattern: try text("format.percent"),
            weekdays: try names("format.weekdays", 7, of: "weekday (Monday first)"))
    }
}

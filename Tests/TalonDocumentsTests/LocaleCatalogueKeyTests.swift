import Foundation
import Testing
@testable import TalonDocuments
import Mustache
import TestSupport

/// A catalogue's keys are checked as it loads (byte by byte for ASCII keys): a malformed key
/// or one that clashes with another stops it with the file and line; good keys become the
/// nested map templates read under `t`.
@Suite struct LocaleCatalogueKeyTests {
    static let builtIn = TestSupport.packageRoot.appendingPathComponent("Templates/locales/en.json")

    /// A template's catalogue over the built-in English one, from `lines` of `"key": "text"`.
    static func load(_ lines: [String]) throws -> LocaleCatalogue {
        let base = try LocaleCatalogue(file: builtIn, tag: "en")
        let file = try TestSupport.temporaryDirectory().appendingPathComponent("en.json")
        try Data(("{\n" + lines.joined(separator: ",\n") + "\n}\n").utf8).write(to: file)
        return try LocaleCatalogue(file: file, tag: "en", over: base)
    }

    @Test(arguments: ["a..b", ".a", "a.", "", "a b", "a\u{00A0}b", "a\u{2003}b", "{a}", "a}"])
    func malformedKeysAreRefusedWithTheirLine(key: String) throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: [key: "x"]), as: UTF8.self)
        let entry = String(json.dropFirst().dropLast())
        #expect(!LocaleCatalogue.isWellFormed(key: key))
        do {
            _ = try Self.load([#""shop.name": "Shop""#, entry])
            Issue.record("\(key.debugDescription) was accepted")
        } catch {
            #expect("\(error)".contains("en.json:3") && "\(error)".contains("must be dot-separated"), "\(error)")
        }
    }

    @Test func wellFormedKeysBecomeNestedWords() throws {
        for key in ["shop.name", "a", "a_b.c-d.e1", "ключ.назва"] { #expect(LocaleCatalogue.isWellFormed(key: key), "\(key)") }
        for key in ["a\tb", "a\nb", "a\rb", "a\u{85}b"] { #expect(!LocaleCatalogue.isWellFormed(key: key), "\(key.debugDescription)") }
        let catalogue = try Self.load([#""shop.name": "Shop""#, #""shop.city.name": "Gdynia""#, #""ключ.назва": "Слово""#])
        guard case .map(let words) = catalogue.words, case .map(let shop)? = words["shop"], case .map(let city)? = shop["city"],
              case .map(let key)? = words["ключ"] else {
            Issue.record("no nested words: \(catalogue.words)")
            return
        }
        #expect(shop["name"] == .string("Shop") && city["name"] == .string("Gdynia") && key["назва"] == .string("Слово"))
        #expect(words["rma"] != nil, "the built-in words stay")
    }

    @Test func aKeyThatIsAnotherKeysPrefixClashes() throws {
        do {
            _ = try Self.load([#""shop": "Shop""#, #""shop.name": "Name""#])
            Issue.record("a clash was accepted")
        } catch {
            #expect("\(error)".contains("clashes with another key"), "\(error)")
        }
    }

    /// Of several clashes the first in key order is reported, with its own line, however the
    /// catalogue's dictionary happens to order its keys.
    @Test func theFirstClashInKeyOrderIsReported() throws {
        for _ in 0..<4 {
            do {
                _ = try Self.load([#""zz": "Z""#, #""zz.a": "A""#, #""shop.x": "X""#, #""shop.x.y": "Y""#, #""shop.x.z": "W""#])
                Issue.record("a clash was accepted")
            } catch {
                #expect("\(error)".contains("en.json:5: ") && "\(error)".contains(#"key "shop.x.y" clashes"#), "\(error)")
            }
        }
    }

    /// A text with tags is compiled as it loads, named by the file and line that define it:
    /// a template's own catalogue's line when it replaces a built-in text.
    @Test func compiledTextsAreNamedByTheirFileAndLine() throws {
        do {
            _ = try Self.load([#""shop.name": "Shop""#, #""mail.subject_received": "{{#rma}} received""#])
            Issue.record("an unclosed section was accepted")
        } catch {
            #expect("\(error)".contains("en.json:3 (mail.subject_received)") && "\(error)".contains("not closed"), "\(error)")
            #expect(!"\(error)".contains("Templates/locales"), "\(error)")
        }
        let catalogue = try Self.load([#""shop.greeting": "Hello {{name}}""#])
        #expect(catalogue.origins["shop.greeting"]?.line == 2 && catalogue.origins["rma.address"]?.file.hasSuffix("Templates/locales/en.json") == true)
    }
}

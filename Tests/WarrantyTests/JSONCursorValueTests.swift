import Foundation
import Testing
import TalonPrimitives
import TestSupport
@testable import Warranty

/// Field readers that check text byte by byte must accept and refuse exactly what the
/// character rules say (written out here, independently, as the reference).
@Suite struct JSONCursorValueTests {
    static let emailPieces = ["a", "Z", "9", "@", ".", "-", "_", "+", " ", "\t", "\r", "\n", "\r\n", "\u{1C}", "\u{1F}",
                              "\u{7F}", "é", "ж", "\u{A0}", "\u{2003}", "..", "@@", "x.y", "example.com"]

    /// One `@`, something before it, a domain of two or more non-empty dot-separated labels,
    /// no white space anywhere — by characters.
    /// No text field takes control characters other than tab and line feed.
    static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    static func referenceEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && !labels.contains(where: \.isEmpty)
    }

    static func read(_ reader: (JSONCursor) -> String?, _ text: String) -> (String?, [ValidationProblem]) {
        let log = ProblemLog()
        let value = reader(JSONCursor(root: .object([(key: "v", value: .string(text))]), log: log)["v"])
        return (value, log.problems)
    }

    @Test func emailByteCheckAgreesWithTheCharacterRules() {
        var generator = SeededGenerator(seed: 11)
        var samples = ["a@b.c", "a@b", "@b.c", "a@.c", "a@b.", "a@b..c", "a.b@c.d", "a@b@c.d", "a @b.c", "a@b.c\r\n",
                       "\u{1C}a@b.c", "a@b.c\u{1F}", "a\u{7F}@b.c", "ж@b.c", "a@b\u{A0}.c", ""]
        for _ in 0..<3000 {
            let length = Int(generator.next() % 7)
            samples.append((0..<length).map { _ in Self.emailPieces[Int(generator.next() % UInt64(Self.emailPieces.count))] }
                .joined())
        }
        for text in samples {
            if let fast = JSONCursor.asciiEmailIsValid(text) {
                #expect(fast == Self.referenceEmail(text), "for \(text.debugDescription)")
            }
            let trimmed = JSONCursor.trimmed(text)
            guard !trimmed.isEmpty else { continue }
            let (value, problems) = Self.read({ $0.email(required: true) }, text)
            #expect((value != nil) == (Self.referenceEmail(trimmed) && !Self.hasControlCharacter(trimmed)), "for \(text.debugDescription)")
            #expect(problems.isEmpty == (value != nil))
        }
    }

    /// Paths are made only when a problem is reported; they must still name every step.
    @Test func problemPathsNameEveryStep() {
        let log = ProblemLog()
        let inner: JSONValue = .object([(key: "b c", value: .array([.null, .string("x")]))])
        let root = JSONCursor(root: .object([(key: "a", value: inner), (key: "n", value: .null)]), log: log)
        let a = root["a"].object(required: true, keys: ["b c"])
        let items = a?["b c"].array(required: true) ?? []
        #expect(items.count == 2)
        items.last?.report("last item")
        a?["it's"].report("quoted key")
        root["a"]["b c"]["k"].report("through a list")
        root.report("root")
        #expect(log.problems.map(\.path) == ["$.a['b c'][1]", "$.a['it\\'s']", "$.a['b c'].k", "$"])
    }

    @Test func phoneAllowsDigitsBlanksDashesParenthesesAndOneLeadingPlus() {
        #expect(Self.read({ $0.phone(required: true) }, "+380 44 390-12-34").0 == "+380 44 390-12-34")
        #expect(Self.read({ $0.phone(required: true) }, "(044) 390 12 34").0 == "(044) 390 12 34")
        for bad in ["380+44 390 12 34", "12 34", "1234567890123456", "044 390 12 34 доб", "044\u{FF11}3901234", "+ +12345"] {
            let (value, problems) = Self.read({ $0.phone(required: true) }, bad)
            #expect(value == nil, "for \(bad.debugDescription)")
            #expect(problems.map(\.reason) == ["not a telephone number"])
        }
    }

    @Test func stringsAreTrimmedAndCountedByCharacters() {
        #expect(Self.read({ $0.string(required: true) }, "  ТОВ «Ґардіан»\t").0 == "ТОВ «Ґардіан»")
        #expect(Self.read({ $0.string(required: true) }, "a\u{301}b").0 == "a\u{301}b")
        // Five characters in ten bytes fit a limit of five; six do not.
        #expect(Self.read({ $0.string(required: true, maxLength: 5) }, "ґґґґґ").0 == "ґґґґґ")
        #expect(Self.read({ $0.string(required: true, maxLength: 5) }, "ґґґґґґ").1.map(\.reason)
            == ["longer than 5 characters"])
        #expect(Self.read({ $0.string(required: true) }, " \r\n ").1.map(\.reason) == [ValidationReason.required])
    }

    /// Long Latin and Cyrillic texts skip the count of scalars per character; characters of
    /// many scalars are still found, whatever letters stand around them.
    @Test func overLongCharactersAreFoundAmongLetters() {
        let refused = ["a character has more than 16 combining marks"]
        let letters = String(repeating: "Гарантія — «№ 5» ", count: 40)
        #expect(Self.read({ $0.string(required: true) }, letters).1.isEmpty)
        #expect(Self.read({ $0.string(required: true) }, letters + "Ж" + String(repeating: "\u{301}", count: 15)).1.isEmpty)
        #expect(Self.read({ $0.string(required: true) }, letters + "Ж" + String(repeating: "\u{301}", count: 16))
            .1.map(\.reason) == refused)
        // © and ® are emoji: joiners make one character of a chain of them.
        let chain = Array(repeating: "©", count: 9).joined(separator: "\u{200D}")
        #expect(Self.read({ $0.string(required: true) }, letters + chain).1.map(\.reason) == refused)
    }
}

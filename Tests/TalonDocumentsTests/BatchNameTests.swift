import Testing
import Warranty
@testable import TalonDocuments

@Suite struct BatchNameTests {
    let card = JSONValue.object([
        (key: "card", value: .object([(key: "number", value: .string("../ГТ/2025\\001\u{7}\n"))])),
        (key: "n", value: .number("42")),
        (key: "list", value: .array([])),
    ])

    @Test func valuesAreSanitisedAndCyrillicKept() throws {
        let pattern = try FileNamePattern("{card.number}")
        #expect(try pattern.fileName(for: card, record: 1).get() == "ГТ2025001.pdf")
        #expect(FileNamePattern.sanitised("a/b\\c\u{0}d\u{85}e\u{7F}f") == "abcdef")
    }

    @Test func fieldsNumbersAndRecordNumber() throws {
        #expect(try FileNamePattern("card-{n}-{#}.pdf").fileName(for: card, record: 7).get() == "card-42-7.pdf")
        #expect(try FileNamePattern("{ n }").fileName(for: card, record: 7).get() == "42.pdf")
    }

    @Test func missingOrNonTextFieldsAndEmptyNamesFail() throws {
        guard case .failure(.nameField("card.serial")) = try FileNamePattern("{card.serial}").fileName(for: card, record: 1) else {
            Issue.record("a missing field should fail"); return
        }
        guard case .failure(.nameField("list")) = try FileNamePattern("{list}").fileName(for: card, record: 1) else {
            Issue.record("an array should fail"); return
        }
        let dots = JSONValue.object([(key: "x", value: .string("..."))])
        guard case .failure(.invalidName) = try FileNamePattern("{x}").fileName(for: dots, record: 1) else {
            Issue.record("a name of dots should fail"); return
        }
        let long = JSONValue.object([(key: "x", value: .string(String(repeating: "ї", count: 200)))])
        guard case .failure(.invalidName) = try FileNamePattern("{x}").fileName(for: long, record: 1) else {
            Issue.record("a name over 255 bytes should fail"); return
        }
    }

    @Test func badPatternsAreRejected() {
        for text in ["{card.number", "card}", "{}", "{a..b}", "dir/{card.number}", "a\\{n}"] {
            #expect(throws: FileNamePatternError.self) { try FileNamePattern(text) }
        }
    }

    @Test func defaultsFollowTheKind() {
        #expect(FileNamePattern.defaultPattern(for: .warrantyCard).description == "{card.number}.pdf")
        #expect(FileNamePattern.defaultPattern(for: .invoice).description == "{claim.rma}.pdf")
        #expect(FileNamePattern.defaultPattern(for: nil).description == "{#}.pdf")
    }
}

import Testing
import TalonPrimitives
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

    @Test func bidiControlsAndEdgeSpacesAreRemoved() throws {
        let value = JSONValue.object([(key: "n", value: .string("  invoice\u{202E}fdp.exe\u{2066} "))])
        #expect(try FileNamePattern("{n}").fileName(for: value, record: 1).get() == "invoicefdp.exe.pdf")
        #expect(try FileNamePattern(" {n}.pdf").fileName(for: value, record: 1).get() == "invoicefdp.exe.pdf")
    }

    @Test func csvHeadersAreCheckedInLinearTime() throws {
        // 10,000 levels took 16 s; refused at once now.
        let deep = (0..<10_000).map { "f\($0)" }.joined(separator: ".")
        #expect(throws: TalonError.self) { try CSVRecordMapper(header: [deep], kind: nil, inputName: "t.csv") }
        // 100,000 unknown columns took 78 s (20,000 here keep the test quick); one message naming the first.
        let columns = ["card.number"] + (0..<20_000).map { "extra\($0)" }
        do {
            _ = try CSVRecordMapper(header: columns, kind: .warrantyCard, inputName: "t.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "t.csv: error: CSV header: columns 'extra0' and 19999 more are not fields of warranty-card (see 'talon schema warranty-card')")
        }
        let many = try CSVRecordMapper(header: (0..<20_000).map { "c\($0)" }, kind: nil, inputName: "t.csv")
        #expect(many.columns.count == 20_000)
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

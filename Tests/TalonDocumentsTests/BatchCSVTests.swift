import Testing
import Warranty
@testable import TalonDocuments

@Suite struct BatchCSVTests {
    func rows(_ text: String) throws -> [CSVRow] {
        var reader = CSVReader(source: ByteSource(bytes: Array(text.utf8), name: "t.csv"))
        var rows: [CSVRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return rows
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let result = try rows("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,last\n")
        #expect(result.map(\.fields) == [
            ["a", "b", "c"],
            ["x, y", "say \"hi\"", "two\nlines"],
            ["plain", "", "last"],
        ])
        // The third row starts after the line break inside the quoted field.
        #expect(result.map(\.line) == [1, 2, 4])
        #expect(result.allSatisfy { $0.problem == nil })
    }

    @Test func emptyRowsAreSkippedAndTheLastRowNeedsNoLineBreak() throws {
        let result = try rows("a,b\n\n1,2\n\r\n3,4")
        #expect(result.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.map(\.line) == [1, 3, 5])
    }

    @Test func quotesInsideUnquotedFieldsAreKept() throws {
        #expect(try rows("5\" tape,x\n").map(\.fields) == [["5\" tape", "x"]])
    }

    @Test func malformedQuotingIsReportedOnTheRow() throws {
        let after = try rows("\"a\"b,c\nd,e\n")
        #expect(after[0].problem?.contains("after the closing quote") == true)
        #expect(after[1].problem == nil)
        let open = try rows("x,\"never closed\n")
        #expect(open[0].problem?.contains("not closed") == true)
    }

    @Test func headerPathsBuildNestedObjects() throws {
        let mapper = try CSVRecordMapper(header: ["card.number", "product.serial", "product.warranty_months"],
                                         kind: .warrantyCard, inputName: "t.csv")
        let value = try mapper.record(CSVRow(fields: ["WC-1", "007", "36"], line: 2)).get()
        #expect(value == .object([
            (key: "card", value: .object([(key: "number", value: .string("WC-1"))])),
            (key: "product", value: .object([
                (key: "serial", value: .string("007")),
                (key: "warranty_months", value: .number("36")),
            ])),
        ]))
    }

    @Test func onlyPlainIntegersInIntegerFieldsBecomeNumbers() throws {
        let mapper = try CSVRecordMapper(header: ["product.warranty_months"], kind: .warrantyCard, inputName: "t.csv")
        #expect(mapper.value("24", at: "product.warranty_months") == .number("24"))
        #expect(mapper.value("-3", at: "product.warranty_months") == .number("-3"))
        for text in ["036", "1.5", "12 months", "+4", "1e3"] {
            #expect(mapper.value(text, at: "product.warranty_months") == .string(text))
        }
        // Not numeric in the schema: stays text even when it looks like a number.
        #expect(mapper.value("12345", at: "card.number") == .string("12345"))
    }

    @Test func schemaTypesIncludeOneOfAlternativesAndBooleans() {
        let types = CSVRecordMapper.fieldTypes(in: DocumentKind.invoice.schema)
        #expect(types["claim.product.warranty_months"] == .integer)
        #expect(types["claim.invoice.vat_rate"] == .number)
        #expect(types.values.contains(.boolean))
        #expect(types["claim.rma"] == nil)
    }

    @Test func emptyCellsLeaveFieldsOutAndWrongWidthFails() throws {
        let mapper = try CSVRecordMapper(header: ["a", "b.c"], kind: nil, inputName: "t.csv")
        #expect(try mapper.record(CSVRow(fields: ["1", ""], line: 2)).get() == .object([(key: "a", value: .string("1"))]))
        let short = mapper.record(CSVRow(fields: ["1"], line: 3))
        guard case .failure(let error) = short else { Issue.record("expected a failure"); return }
        #expect(error.problems == [ValidationProblem(path: "$", reason: "expected 2 fields as in the header, found 1")])
    }

    @Test func badHeadersAreRejected() {
        #expect(throws: TalonError.self) { try CSVRecordMapper(header: ["a", "a"], kind: nil, inputName: "t.csv") }
        #expect(throws: TalonError.self) { try CSVRecordMapper(header: ["a", "a.b"], kind: nil, inputName: "t.csv") }
        #expect(throws: TalonError.self) { try CSVRecordMapper(header: ["a..b"], kind: nil, inputName: "t.csv") }
        #expect(throws: TalonError.self) { try CSVRecordMapper(header: [""], kind: nil, inputName: "t.csv") }
    }
}

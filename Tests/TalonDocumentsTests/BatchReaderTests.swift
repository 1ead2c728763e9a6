import Foundation
import Testing
import TalonPrimitives
import Warranty
@testable import TalonDocuments

@Suite struct BatchReaderTests {
    func records(_ text: String, format: BatchInputFormat? = nil, kind: DocumentKind? = nil) throws -> (BatchInputFormat, [BatchRecord]) {
        let reader = try BatchReader(bytes: Array(text.utf8), format: format, kind: kind)
        var result: [BatchRecord] = []
        while let record = try reader.next() { result.append(record) }
        return (reader.format, result)
    }

    @Test func jsonArrayIsSplitIntoElementsWithTheirLines() throws {
        let text = """
        [
          {"a": "x]}", "b": [1, {"c": "\\","}]},
          {"a": "second"}
        ,{"a": "third"}]
        """
        let (format, result) = try records(text)
        #expect(format == .jsonArray)
        #expect(result.map(\.number) == [1, 2, 3])
        #expect(result.map(\.line) == [2, 3, 4])
        #expect(try result[0].value.get() == JSONValue.parse(Data(#"{"a": "x]}", "b": [1, {"c": "\","}]}"#.utf8)))
        #expect(try result[2].value.get() == .object([(key: "a", value: .string("third"))]))
    }

    @Test func badElementFailsAloneAndBrokenArrayThrows() throws {
        let (_, result) = try records("[{\"a\":1}, {\"a\":}, {\"a\":3}]")
        #expect(result.count == 3)
        #expect((try? result[1].value.get()) == nil)
        #expect((try? result[2].value.get()) != nil)
        #expect(throws: TalonError.self) { try records("[{\"a\":1}, {\"a\":2}") }
        #expect(throws: TalonError.self) { try records("[{\"a\":1}] trailing") }
        #expect(throws: TalonError.self) { try records("{\"a\":1}", format: .jsonArray) }
        #expect(try records("  [ ] ").1.isEmpty)
    }

    @Test func jsonLinesSkipBlankLinesButCountThem() throws {
        let (format, result) = try records("\u{FEFF}{\"n\":1}\n\n  \n{\"n\":2}\r\nnot json\n{\"n\":4}")
        #expect(format == .jsonLines)
        #expect(result.map(\.number) == [1, 2, 3, 4])
        #expect(result.map(\.line) == [1, 4, 5, 6])
        #expect(try result[1].value.get() == .object([(key: "n", value: .number("2"))]))
        guard case .failure(let error) = result[2].value else { Issue.record("line 5 should fail"); return }
        #expect(error.problems.first?.path == "$")
    }

    @Test func csvIsTheFallbackAndUsesTheKindsTypes() throws {
        let (format, result) = try records("card.number,product.warranty_months\n\"WC, 1\",24\n", kind: .warrantyCard)
        #expect(format == .csv)
        #expect(result.map(\.line) == [2])
        #expect(try result[0].value.get() == .object([
            (key: "card", value: .object([(key: "number", value: .string("WC, 1"))])),
            (key: "product", value: .object([(key: "warranty_months", value: .number("24"))])),
        ]))
    }

    @Test func formatFollowsTheFileExtension() {
        #expect(BatchInputFormat(fileExtension: "NDJSON") == .jsonLines)
        #expect(BatchInputFormat(fileExtension: "jsonl") == .jsonLines)
        #expect(BatchInputFormat(fileExtension: "json") == .jsonArray)
        #expect(BatchInputFormat(fileExtension: "csv") == .csv)
        #expect(BatchInputFormat(fileExtension: "txt") == nil)
    }

    @Test func recordLabelsNameTheLine() {
        #expect(BatchRecord(number: 17, line: 19, value: .success(.null)).label == "record 17 (line 19)")
        let failure = BatchFailure(record: 3, line: 4, problem: .document(.validation(ValidationError(problems: [
            ValidationProblem(path: "$.product.serial", reason: "required"),
            ValidationProblem(path: "$.sale.date", reason: "required"),
        ]))))
        #expect(failure.description == "record 3 (line 4): $.product.serial: required\nrecord 3 (line 4): $.sale.date: required")
    }
}

import Foundation
import Mustache
import TalonPrimitives
import Testing

@Suite struct TemplateValueTests {
    @Test func jsonKeepsTypesApart() throws {
        let value = try TemplateValue(jsonText: #"{"t": true, "f": false, "one": 1, "zero": 0, "s": "1", "n": null, "l": [1, 2.50]}"#)
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["one"] == .integer(1))
        #expect(value["zero"] == .integer(0))
        #expect(value["s"] == .string("1"))
        #expect(value["n"] == .null)
        #expect(value["l"] == .list([.integer(1), .decimal(Decimal(string: "2.5")!)]))
    }

    @Test func jsonNumbersStayExact() throws {
        let value = try TemplateValue(jsonText: #"[9007199254740993, 0.1, -12.340, 1e3, 12345678901234567890123]"#)
        guard case .list(let items) = value else { Issue.record("not a list"); return }
        #expect(items.map(\.text) == ["9007199254740993", "0.1", "-12.34", "1000", "12345678901234567890123"])
    }

    @Test func jsonStringsDecodeEscapes() throws {
        let value = try TemplateValue(jsonText: #"["a\"b\\c\/d\n", "\u0417\u0430", "\ud83d\ude00", "ї"]"#)
        #expect(value == ["a\"b\\c/d\n", "За", "😀", "ї"])
    }

    @Test func malformedJsonIsALocatedError() {
        let cases: [(String, Int, Int)] = [
            ("{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7),
            ("[1, 2", 1, 6),
            ("{\"a\": tru}", 1, 7),
            ("[01]", 1, 2),
            ("\"open", 1, 1),
            ("[1] 2", 1, 5),
            ("[\"\\ud800\"]", 1, 9),
        ]
        for (text, line, column) in cases {
            let error = templateError { try TemplateValue(jsonText: text, file: "claim.json") }
            #expect(error?.kind == .invalidData, "\(text)")
            #expect(error?.location == SourceLocation(file: "claim.json", line: line, column: column), "\(text)")
        }
    }

    @Test func jsonIsReadAsStrictlyAsInputDocuments() {
        let duplicate = templateError { try TemplateValue(jsonText: "{\"x\": {\"a\": 1,\n \"a\": 2}}", file: "claim.json") }
        #expect(duplicate?.summary == "claim.json:1:7: error: the key \"a\" is given twice in this object")
        let notUTF8 = templateError { try TemplateValue(json: Data([0x5B, 0x22, 0xC3, 0x22, 0x5D]), file: "claim.json") }
        #expect(notUTF8?.summary == "claim.json:1:4: error: the text is not UTF-8")
        let zero = templateError { try TemplateValue(jsonText: "[1, 007]", file: "claim.json") }
        #expect(zero?.summary == "claim.json:1:5: error: a number must not start with 0")
    }

    @Test func deepJsonIsRefusedNotCrashed() {
        let text = String(repeating: "[", count: 100_000)
        #expect(templateError { try TemplateValue(jsonText: text) }?.kind == .invalidData)
    }

    @Test func literalsBuildValues() {
        let value: TemplateValue = ["a": [1, "x", true, nil, 2.5]]
        #expect(value["a"] == .list([.integer(1), .string("x"), .bool(true), .null, .number(TemplateNumber(text: "2.5")!)]))
        #expect(TemplateValue.list(["a", "b"]).text == "a, b")
    }
}

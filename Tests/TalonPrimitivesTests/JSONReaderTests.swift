import TalonPrimitives
import Testing

@Suite struct JSONReaderTests {
    func read(_ text: String, acceptsNumber: ((String) -> Bool)? = nil) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(Array(text.utf8), acceptsNumber: acceptsNumber)
        return try reader.readDocument()
    }

    func failure(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func numbersKeepTheirTextAndKeysAreSorted() throws {
        let value = try read("\u{FEFF}{\"b\": [12345678901234567.89, -0, 1E+7], \"a\": true, \"c\": null}")
        #expect(value == .object([(key: "a", value: .bool(true)),
                                  (key: "b", value: .array([.number("12345678901234567.89"), .number("-0"), .number("1E+7")])),
                                  (key: "c", value: .null)]))
        #expect(try read(#""a\"\\\/\n\u0417\ud83d\ude00""#) == .string("a\"\\/\nЗ😀"))
    }

    @Test func errorsSayWhyWhereAndOnWhichPath() {
        #expect(failure("{\"a\": [1, 01]}") == JSONSyntaxError(reason: .leadingZero, offset: 10, path: [.key("a"), .index(1)]))
        #expect(failure("{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}")
                == JSONSyntaxError(reason: .duplicateKey("c"), offset: 14, path: [.key("b")]))
        #expect(failure("[1,]") == JSONSyntaxError(reason: .trailingComma(inObject: false), offset: 3, path: []))
        #expect(failure("{\"a\":1,}") == JSONSyntaxError(reason: .trailingComma(inObject: true), offset: 7, path: []))
        #expect(failure("\"abc") == JSONSyntaxError(reason: .unclosedString(start: 0), offset: 4, path: []))
        #expect(failure(#""\q""#) == JSONSyntaxError(reason: .unknownEscape(UInt8(ascii: "q"), backslash: 1), offset: 3, path: []))
        #expect(failure(#""\u12""#) == JSONSyntaxError(reason: .expectedHexDigits(start: 3), offset: 5, path: []))
        #expect(failure(#""\udc00""#)?.reason == .loneLowSurrogate)
        #expect(failure(#""\ud800x""#)?.reason == .missingLowSurrogate)
        #expect(failure("[1] 2") == JSONSyntaxError(reason: .textAfterValue, offset: 4, path: []))
        #expect(failure("") == JSONSyntaxError(reason: .expectedValue(atEnd: true), offset: 0, path: []))
    }

    @Test func textThatIsNotUTF8IsRefused() {
        var reader = JSONReader([0x22, 0xFF, 0x22])
        #expect(throws: JSONSyntaxError(reason: .notUTF8, offset: 2, path: [])) { try reader.readDocument() }
    }

    @Test func nestingIsLimited() throws {
        let deepest = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(throws: Never.self) { try read(deepest) }
        #expect(failure("[" + deepest + "]")?.reason == .tooDeep)
        #expect(failure(String(repeating: "[", count: 100_000))?.reason == .tooDeep)
    }

    @Test func theCallerMayRefuseANumber() {
        do {
            _ = try read("[1, 1e999]", acceptsNumber: { !$0.contains("e") })
            Issue.record("accepted")
        } catch {
            #expect(error == JSONSyntaxError(reason: .numberOutOfRange, offset: 4, path: [.index(1)]))
        }
    }

    @Test func serializedTextReadsBackToTheSameValue() throws {
        let value = try read(#"{"z": [1.50, "ї\n"], "a": {}}"#)
        #expect(try read(value.serialized()) == value)
        #expect(value.serialized(pretty: false) == #"{"a":{},"z":[1.50,"ї\n"]}"#)
    }
}

import TalonPrimitives
import Testing

@Suite struct SourceLocationTests {
    @Test func offsetsBecomeLinesAndColumns() {
        let table = LineTable(file: "a.json", bytes: Array("ab\r\ncé\u{301}x\nlast".utf8))
        #expect(table.location(of: 0) == SourceLocation(file: "a.json", line: 1, column: 1))
        #expect(table.location(of: 4) == SourceLocation(file: "a.json", line: 2, column: 1))
        // "é" + combining acute is one character but two scalars.
        let x = Array("ab\r\ncé\u{301}".utf8).count
        #expect(table.location(of: x).column == 3)
        #expect(table.location(of: x, counting: .scalars).column == 4)
        #expect(table.location(of: 1_000) == SourceLocation(file: "a.json", line: 3, column: 5))
        #expect(table.lineText(1) == "ab")
        #expect(table.lineText(3) == "last")
        #expect(table.lineText(4) == "")
        #expect("\(table.location(of: 4))" == "a.json:2:1")
    }
}

import TalonPrimitives
import Testing
@testable import Markup

/// Texts parsed before come from `SourceMemo`: what they give must not depend on where they
/// were first seen, and what depends on their place (open containers, locations) is still
/// worked out where they stand.
@Suite struct SourceMemoTests {
    private func error(_ text: String) -> (message: String, location: TalonPrimitives.SourceLocation)? {
        parseError(text).map { ($0.message, $0.location) }
    }

    @Test func sameTextParsesAlikeWherever() {
        let card = """
        @keep
        @columns(4fr 1fr)
        @field(Заявлений дефект **ремонт**)
        @column
        @stamp(Печатка сервісного центру)
        @end
        @end

        Гарантія не поширюється на *механічні* пошкодження, сліди __удару__ чи падіння.
        """
        let first = parse(card)
        let again = parse("# Талон\n\n" + card)
        #expect(again.blocks.dropFirst().elementsEqual(first.blocks))
        #expect(first.blocks == [
            .keepTogether([.columns(widths: [0.8, 0.2], columns: [
                [.field(label: [.text("Заявлений дефект "), .bold([.text("ремонт")])], value: [], style: .line, width: nil)],
                [.stamp(label: [.text("Печатка сервісного центру")])],
            ])]),
            .paragraph(content: [.text("Гарантія не поширюється на "), .italic([.text("механічні")]),
                                 .text(" пошкодження, сліди "), .underline([.text("удару")]), .text(" чи падіння.")],
                       alignment: nil),
        ])
    }

    @Test func memorizedDirectiveLinesAreCheckedWhereTheyStand() {
        _ = parse("@columns(2)\nleft side of the memo test\n@column\nright\n@end")
        let misplaced = error("a\n\n@column")
        #expect(misplaced?.message == "'@column' outside '@columns'")
        #expect(misplaced?.location == TalonPrimitives.SourceLocation(file: "test.talon", line: 3, column: 1))

        _ = blocks("@table(borders: none)\n| memo | test |")
        let dangling = error("text\n\n  @table(borders: none)\n\n| a |")
        #expect(dangling?.message == "expected a table row starting with '|' on the line after '@table'")
        #expect(dangling?.location == TalonPrimitives.SourceLocation(file: "test.talon", line: 3, column: 3))
    }

    @Test func imagesKeepTheirOwnLocation() {
        let line = "@image(\"memo-photo.png\", width: 20mm)"
        let document = parse("\(line)\n\ntext\n\n\(line)")
        let lines = document.blocks.compactMap { block -> Int? in
            if case let .image(_, _, _, location) = block { return location.line }
            return nil
        }
        #expect(lines == [1, 5])
    }

    @Test func keepsWithinItsBudget() {
        let memo = SourceMemo<Int>(budget: 64)
        let bytes = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: 30, by: 6) {
                let range = start..<(start + 6)
                let (kept, hash) = memo.value(in: buffer, CollectionOfOne(range))
                #expect(kept == nil)
                memo.keep(start, in: buffer, CollectionOfOne(range), hash: hash)
                #expect(memo.value(in: buffer, CollectionOfOne(range)).value == start)
            }
            // Two ranges are not the text of one range that holds both.
            let joined = memo.value(in: buffer, [0..<3, 3..<6])
            #expect(joined.value == nil)
            // Too long to keep at all.
            let long = 0..<20
            memo.keep(99, in: buffer, CollectionOfOne(long), hash: memo.value(in: buffer, CollectionOfOne(long)).hash)
            #expect(memo.value(in: buffer, CollectionOfOne(long)).value == nil)
        }
    }
}

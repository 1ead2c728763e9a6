import Foundation
import Testing
import Layout
import TestSupport
@testable import HaruPDF

@Suite struct ContentNumberTests {
    static func format(_ value: Double) -> String {
        var bytes: [UInt8] = []
        HaruPage.appendNumber(HaruPage.hundredths(value), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func numbersHaveAtMostTwoExactDecimals() {
        #expect(Self.format(595.2756) == "595.28")
        #expect(Self.format(28.346456) == "28.35")
        #expect(Self.format(12) == "12")
        #expect(Self.format(12.5) == "12.5")
        #expect(Self.format(0.05) == "0.05")
        #expect(Self.format(-0.05) == "-0.05")
        #expect(Self.format(-90.70866) == "-90.71")
        #expect(Self.format(0.004) == "0")
        #expect(Self.format(-0.004) == "0", "no negative zero")
        #expect(Self.format(1e300) == "10000000000")  // clamped, no trap
    }

    @Test func operationsSeparateNumbersWithSingleSpaces() {
        var bytes: [UInt8] = []
        HaruPage.rectangle(x: 36.8504, y: 360.32709, width: 1.70079, height: 28.34646, stroke: false, into: &bytes)
        HaruPage.appendPoint(1, 2, to: &bytes)
        HaruPage.appendASCII(" m\n", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "36.85 360.33 1.7 28.35 re\nf\n1 2 m\n")
    }

    /// Text positions are relative to the line start, in exact hundredths: no drift.
    @Test func textMovesAreExactAndTextStaysWhereItWas() throws {
        var ops: [DrawOp] = []
        for row in 0..<30 {
            ops.append(Fixtures.text("Рядок \(row)", x: 28.346456 + Double(row % 3) * 90.708661, y: 559.164 - Double(row) * 11.6))
        }
        ops.append(.fillRect(x: 36.8504, y: 360.32709, width: 0.85039, height: 28.34646, color: .black))
        ops.append(.circle(centerX: 347.0289, centerY: 497.17889, radius: 43.85464, lineWidth: 0.6, dash: [3, 2],
                           color: .black))
        let pdf = try PDFPainter.render(Fixtures.list(pages: [ops]))
        let (text, warnings) = try PDFInspection.text(pdf)
        #expect(warnings == "")
        #expect(text.contains("Рядок 0") && text.contains("Рядок 29"))
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
        let file = try Fixtures.file(pdf)
        let content = try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", file.path, "-"]).stdoutText
        let operations = content.split(separator: "\n").filter { line in
            ["Td", "re", "m", "l", "c"].contains { line.hasSuffix(" " + $0) }
        }
        #expect(operations.count > 30)
        let numbers = operations.flatMap { $0.split(separator: " ") }.filter { $0.contains(".") && Double($0) != nil }
        #expect(!numbers.isEmpty)
        #expect(numbers.allSatisfy { $0.split(separator: ".").last.map { $0.count <= 2 } ?? true },
                "\(numbers.filter { ($0.split(separator: ".").last?.count ?? 0) > 2 }.prefix(5))")
    }
}

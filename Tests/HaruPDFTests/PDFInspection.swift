import Foundation
import Layout
import TestSupport
import HaruPDF

/// Looks at painted PDFs from outside, with poppler and qpdf.
enum PDFInspection {
    /// Dark pixels (value < 128) in a square region of page 1 rasterized at 150 dpi in gray.
    static func ink(_ pdf: [UInt8], x: Int = 60, y: Int = 60, size: Int = 200) throws -> Int {
        let file = try Fixtures.file(pdf)
        let result = try TestSupport.run("pdftoppm", ["-r", "150", "-gray", "-f", "1", "-l", "1",
                                                     "-x", "\(x)", "-y", "\(y)", "-W", "\(size)", "-H", "\(size)",
                                                     file.path])
        guard result.status == 0 else { throw InspectionError.tool("pdftoppm", result.stderrText) }
        return try darkPixels(inPGM: [UInt8](result.stdout))
    }

    /// Counts dark samples in a binary PGM (P5, 8-bit).
    static func darkPixels(inPGM data: [UInt8]) throws -> Int {
        var fields: [String] = [], index = 0, current = ""
        while fields.count < 4, index < data.count {
            let byte = data[index]
            index += 1
            if byte == UInt8(ascii: "#") {
                while index < data.count, data[index] != 0x0A { index += 1 }
            } else if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                if !current.isEmpty { fields.append(current); current = "" }
            } else {
                current.append(Character(Unicode.Scalar(byte)))
            }
        }
        guard fields.first == "P5", fields.count == 4 else { throw InspectionError.tool("pgm", "not a P5 image") }
        return data[index...].filter { $0 < 128 }.count
    }

    /// pdftotext's output (layout kept) and whatever it printed on stderr.
    static func text(_ pdf: [UInt8], password: String? = nil, owner: Bool = false) throws -> (text: String, warnings: String) {
        let file = try Fixtures.file(pdf)
        let option = owner ? "-opw" : "-upw"
        let result = try TestSupport.run("pdftotext", (password.map { [option, $0] } ?? []) + [file.path, "-"])
        return (result.stdoutText, result.stderrText)
    }

    /// Rows of `pdffonts`: (name, type, embedded, subset, unicode).
    static func fonts(_ pdf: [UInt8]) throws -> [(name: String, type: String, embedded: Bool, subset: Bool, unicode: Bool)] {
        let result = try TestSupport.run("pdffonts", [try Fixtures.file(pdf).path])
        return result.stdoutText.split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            // name type... encoding emb sub uni objectID generation
            let count = columns.count
            return (columns[0], columns[1..<(count - 6)].joined(separator: " "), columns[count - 5] == "yes",
                    columns[count - 4] == "yes", columns[count - 3] == "yes")
        }
    }

    static func qpdf(_ arguments: [String], _ pdf: [UInt8]) throws -> TestSupport.ProcessResult {
        try TestSupport.run("qpdf", arguments + [try Fixtures.file(pdf).path])
    }

    enum InspectionError: Error { case tool(String, String) }
}

import Foundation

/// The PDF and image tools the outside-in tests read documents with (poppler-utils,
/// zbar-tools, qpdf). Each throws when the tool fails, with what it printed.
public enum PDFTools {
    public struct ToolFailure: Error, CustomStringConvertible {
        public var tool: String
        public var output: String
        public var description: String { "\(tool) failed: \(output)" }
    }

    static func checked(_ tool: String, _ arguments: [String]) throws -> TestSupport.ProcessResult {
        let result = try TestSupport.run(tool, arguments)
        guard result.status == 0 else {
            throw ToolFailure(tool: tool, output: result.stderrText + result.stdoutText)
        }
        return result
    }

    /// The text of a PDF in reading order (pdftotext), with runs of whitespace made single
    /// spaces so phrases wrapped across lines can still be found.
    public static func text(_ pdf: String, layout: Bool = false) throws -> String {
        let output = try checked("pdftotext", (layout ? ["-layout"] : []) + [pdf, "-"]).stdoutText
        return output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// pdftotext's warnings (standard error), which must be empty for a well-formed PDF.
    public static func textWarnings(_ pdf: String) throws -> String {
        try checked("pdftotext", [pdf, "/dev/null"]).stderrText
    }

    /// pdfinfo's fields ("Pages", "Page size", "Title", ...).
    public static func info(_ pdf: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try checked("pdfinfo", [pdf]).stdoutText.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// `qpdf --check`: nil when the file passes, else what qpdf reported.
    public static func qpdfProblems(_ pdf: String) throws -> String? {
        let result = try TestSupport.run("qpdf", ["--check", pdf])
        return result.status == 0 ? nil : result.stdoutText + result.stderrText
    }

    /// Renders one page to PNG at a resolution and returns the PNG's path.
    public static func rasterize(_ pdf: String, page: Int = 1, dpi: Int, gray: Bool = false) throws -> String {
        let prefix = pdf + ".p\(page)-\(dpi)"
        _ = try checked("pdftoppm", ["-png", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile"]
                        + (gray ? ["-gray"] : []) + [pdf, prefix])
        return prefix + ".png"
    }

    /// Every barcode zbarimg finds in an image, as "Type:data" lines' data parts.
    public static func barcodes(in image: String) throws -> [String] {
        let result = try TestSupport.run("zbarimg", ["--quiet", "--raw", image])
        // zbarimg exits 4 when it finds no symbol.
        guard result.status == 0 || result.status == 4 else {
            throw ToolFailure(tool: "zbarimg", output: result.stderrText)
        }
        return result.stdoutText.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}

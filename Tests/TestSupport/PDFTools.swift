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

    /// pdftotext's warnings (standard error; the text goes to standard output and is dropped),
    /// which must be empty for a well-formed PDF. No device is named as an output file.
    public static func textWarnings(_ pdf: String) throws -> String {
        try checked("pdftotext", [pdf, "-"]).stderrText
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

// MARK: - Fonts, pages, pixels and batches

extension PDFTools {
    /// One line of `pdffonts`: the font's name, type and whether it is embedded, subset and
    /// has a ToUnicode map.
    public struct FontRow: Sendable, CustomStringConvertible {
        public var name: String
        public var type: String
        public var embedded: Bool
        public var subset: Bool
        public var unicode: Bool
        public var description: String { "\(name) (\(type)) emb \(embedded) sub \(subset) uni \(unicode)" }
    }

    /// The fonts a PDF uses, as `pdffonts` lists them. The columns are found from the
    /// dashes under the header, so names with blanks still parse.
    public static func fonts(_ pdf: String) throws -> [FontRow] {
        let lines = try checked("pdffonts", [pdf]).stdoutText.split(separator: "\n").map(String.init)
        guard lines.count >= 2 else { return [] }
        // Column spans from the dash runs of the second line.
        var spans: [Range<Int>] = []
        var start: Int?
        for (offset, character) in lines[1].enumerated() {
            if character == "-", start == nil { start = offset }
            if character != "-", let first = start { spans.append(first..<offset); start = nil }
        }
        if let first = start { spans.append(first..<lines[1].count) }
        func column(_ line: [Character], _ index: Int) -> String {
            guard index < spans.count else { return "" }
            let span = spans[index]
            let upper = index + 1 < spans.count ? spans[index + 1].lowerBound : line.count
            guard span.lowerBound < line.count else { return "" }
            return String(line[span.lowerBound..<min(upper, line.count)]).trimmingCharacters(in: .whitespaces)
        }
        return lines.dropFirst(2).map { text in
            let line = Array(text)
            return FontRow(name: column(line, 0), type: column(line, 1),
                           embedded: column(line, 3) == "yes", subset: column(line, 4) == "yes",
                           unicode: column(line, 5) == "yes")
        }
    }

    /// The text of every page (pdftotext's form feeds split the pages), whitespace runs made single spaces.
    public static func pageTexts(_ pdf: String) throws -> [String] {
        let output = try checked("pdftotext", [pdf, "-"]).stdoutText
        var pages = output.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
            $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        // pdftotext ends every page with a form feed, leaving an empty tail.
        if pages.last?.isEmpty == true { pages.removeLast() }
        return pages
    }

    /// An 8-bit gray image (0 black ... 255 white) read from a binary PGM.
    public struct GrayImage: Sendable {
        public var width: Int
        public var height: Int
        public var pixels: [UInt8]

        /// How many pixels in a region (default: all) are darker than `threshold`.
        public func darkPixels(below threshold: UInt8 = 128, rows: Range<Int>? = nil) -> Int {
            let band = rows.map { max(0, $0.lowerBound)..<min(height, $0.upperBound) } ?? 0..<height
            var count = 0
            for row in band {
                for value in pixels[(row * width)..<(row * width + width)] where value < threshold { count += 1 }
            }
            return count
        }
    }

    /// Renders one page as a gray PGM file (uncompressed, quick for zbarimg) and returns its path.
    public static func rasterizeGray(_ pdf: String, page: Int = 1, dpi: Int) throws -> String {
        let prefix = pdf + ".p\(page)-\(dpi)"
        _ = try checked("pdftoppm", ["-gray", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf, prefix])
        return prefix + ".pgm"
    }

    /// Renders one page and reads its pixels.
    public static func grayImage(_ pdf: String, page: Int = 1, dpi: Int) throws -> GrayImage {
        try readPGM(rasterizeGray(pdf, page: page, dpi: dpi))
    }

    /// Reads a binary (P5, 8-bit) PGM file.
    public static func readPGM(_ path: String) throws -> GrayImage {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var fields: [Int] = []
        var index = 2
        guard data.count > 2, data[0] == UInt8(ascii: "P"), data[1] == UInt8(ascii: "5") else {
            throw ToolFailure(tool: "pgm", output: "\(path) is not a binary PGM")
        }
        while fields.count < 3, index < data.count {
            if data[index] == UInt8(ascii: "#") {
                while index < data.count, data[index] != 10 { index += 1 }
            } else if (48...57).contains(data[index]) {
                var value = 0
                while index < data.count, (48...57).contains(data[index]) {
                    value = value * 10 + Int(data[index] - 48)
                    index += 1
                }
                fields.append(value)
                continue
            }
            index += 1
        }
        // One whitespace byte after the maximum value, then the pixels.
        let width = fields.count == 3 ? fields[0] : 0, height = fields.count == 3 ? fields[1] : 0
        guard width > 0, height > 0, fields[2] == 255, data.count - index >= width * height else {
            throw ToolFailure(tool: "pgm", output: "\(path): unexpected header \(fields)")
        }
        return GrayImage(width: width, height: height, pixels: Array(data[index..<(index + width * height)]))
    }

    /// The barcodes of many images with one zbarimg run: one entry per image, in order,
    /// holding the symbols found in it (zbarimg's `--raw` output has no file names, so
    /// each image is decoded alone when the batch does not give exactly one symbol per image).
    public static func barcodes(inImages images: [String]) throws -> [[String]] {
        guard !images.isEmpty else { return [] }
        let result = try TestSupport.run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "-Sean13.enable",
                                                     "-Scode128.enable"] + images)
        guard result.status == 0 || result.status == 4 else {
            throw ToolFailure(tool: "zbarimg", output: result.stderrText)
        }
        var lines = result.stdoutText.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        if lines.count == images.count { return lines.map { [$0] } }
        return try images.map { try barcodes(in: $0) }
    }

    /// Runs `body` for every index in `0..<count` on `workers` threads; the first error is rethrown.
    public static func concurrently(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
        /// The next index to run and the first error, shared by the threads under a lock.
        final class Queue: @unchecked Sendable {
            let lock = NSLock()
            let count: Int
            var first: Error?
            var next = 0
            init(count: Int) { self.count = count }
            func take() -> Int? {
                lock.lock(); defer { lock.unlock() }
                guard first == nil, next < count else { return nil }
                let index = next
                next += 1
                return index
            }
            func record(_ error: Error) {
                lock.lock(); defer { lock.unlock() }
                if first == nil { first = error }
            }
        }
        let state = Queue(count: count)
        let group = DispatchGroup()
        for _ in 0..<max(1, workers) {
            group.enter()
            Thread.detachNewThread {
                while let index = state.take() {
                    do { try body(index) } catch { state.record(error) }
                }
                group.leave()
            }
        }
        group.wait()
        if let error = state.first { throw error }
    }
}

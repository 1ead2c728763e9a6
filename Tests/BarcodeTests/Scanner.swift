import Barcode
import Foundation
import TestSupport

/// Renders symbols to PGM images and reads them back with `zbarimg`, many files per call.
enum Scanner {
    static let pixelsPerModule = 3

    /// A binary PGM (P5): white quiet zone around the modules, 0 = black.
    static func pgm(_ symbol: MatrixSymbol) -> Data {
        let scale = pixelsPerModule
        let side = (symbol.size + 2 * symbol.quietZone) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<symbol.size {
            for x in 0..<symbol.size where symbol[x, y] {
                for py in 0..<scale {
                    let row = ((y + symbol.quietZone) * scale + py) * side
                    for px in 0..<scale { pixels[row + (x + symbol.quietZone) * scale + px] = 0 }
                }
            }
        }
        return Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)
    }

    /// A linear symbol drawn 40 px tall.
    static func pgm(_ symbol: LinearSymbol) -> Data {
        let scale = pixelsPerModule
        let width = symbol.totalWidth * scale, height = 40
        var row = [UInt8](repeating: 255, count: width)
        for bar in symbol.bars {
            for px in ((bar.start + symbol.quietZone) * scale)..<((bar.start + bar.width + symbol.quietZone) * scale) {
                row[px] = 0
            }
        }
        var pixels: [UInt8] = []
        for _ in 0..<height { pixels += row }
        return Data("P5\n\(width) \(height)\n255\n".utf8) + Data(pixels)
    }

    /// Decodes each image with one `zbarimg` run per batch of files; returns the text read from
    /// each (nil when nothing was read). `options` selects symbologies, e.g. `-Sqrcode.enable`.
    ///
    /// zbar 0.23's `--xml` output keeps each result with its file but mangles bytes above 0x7F
    /// in its base64 (sign extension), so non-ASCII payloads go through `--raw`, one line per
    /// symbol; when a batch does not give one line per file, its files are read one by one.
    static func decode(_ images: [Data], options: [String], raw: Bool) throws -> [String?] {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var results: [String?] = []
        let batch = 50
        for start in stride(from: 0, to: images.count, by: batch) {
            var paths: [String] = []
            for index in start..<min(images.count, start + batch) {
                let path = folder.appendingPathComponent("s\(index).pgm").path
                try images[index].write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            let arguments = ["-q", "-Sdisable"] + options
            if !raw {
                let result = try TestSupport.run("zbarimg", ["--xml"] + arguments + paths)
                results += parse(xml: result.stdoutText, paths: paths)
                continue
            }
            let lines = try TestSupport.run("zbarimg", ["--raw"] + arguments + paths).stdoutText
                .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            if lines.count == paths.count {
                results += lines.map { String($0) }
            } else {
                for path in paths {
                    let output = try TestSupport.run("zbarimg", ["--raw"] + arguments + [path]).stdoutText
                    results.append(output.isEmpty ? nil : String(output.dropLast()))
                }
            }
        }
        return results
    }

    /// Pulls the data of the first symbol of each `<source href='...'>` out of zbarimg's XML
    /// (zbar 0.23 writes it base64-encoded, so any bytes survive).
    static func parse(xml: String, paths: [String]) -> [String?] {
        var byPath: [String: String] = [:]
        for chunk in xml.components(separatedBy: "<source href='").dropFirst() {
            guard let quote = chunk.firstIndex(of: "'"),
                  let open = chunk.range(of: "<data"),
                  let cdata = chunk.range(of: "<![CDATA[", range: open.upperBound..<chunk.endIndex),
                  let close = chunk.range(of: "]]></data>", range: cdata.upperBound..<chunk.endIndex)
            else { continue }
            let path = String(chunk[..<quote])
            let content = String(chunk[cdata.upperBound..<close.lowerBound])
            if chunk[open.upperBound..<cdata.lowerBound].contains("base64") {
                guard let data = Data(base64Encoded: content, options: .ignoreUnknownCharacters) else { continue }
                byPath[path] = String(decoding: data, as: UTF8.self)
            } else {
                byPath[path] = content
            }
        }
        return paths.map { byPath[$0] }
    }
}


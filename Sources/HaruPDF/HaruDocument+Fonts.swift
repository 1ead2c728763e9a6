internal import CHaru
import Glibc

/// Loading TrueType subsets, which libharu reads only from a path.
extension HaruDocument {
    /// Embeds a TrueType font file held in memory and returns it in `encoding` ("UTF-8" or
    /// a single-byte encoder name). The bytes go through an anonymous memory file
    /// (`/proc/self/fd/N`), closed right after loading: libharu keeps its own open stream.
    ///
    /// - Parameter tag: the six capital letters libharu puts before the font name
    ///   ("TLNAAA" gives "TLNAAA+Name"), so names are deterministic and mark a subset.
    func loadTrueType(_ bytes: [UInt8], tag: String, encoding: String) throws(HaruError) -> HaruFont {
        let descriptor = talon_memfd_create("talon-font")
        guard descriptor >= 0 else { throw .system(call: "memfd_create", errno: errno) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return write(descriptor, base + written, buffer.count - written)
            }
            guard count > 0 else { throw .system(call: "write", errno: errno) }
            written += count
        }
        setNextFontTag(tag)
        let name = try require(HPDF_LoadTTFontFromFile(handle, "/proc/self/fd/\(descriptor)", HPDF_TRUE),
                               "HPDF_LoadTTFontFromFile")
        let font = try require(HPDF_GetFont(handle, name, encoding), "HPDF_GetFont")
        return HaruFont(handle: font)
    }

    /// libharu increments `ttfont_tag` before tagging each embedded TrueType font; storing
    /// the predecessor of `tag` makes the next font carry exactly `tag` (internal field of
    /// libharu 2.3.0, checked by a test).
    private func setNextFontTag(_ tag: String) {
        var letters = Array(tag.utf8.prefix(6))
        guard letters.count == 6, letters.allSatisfy({ (0x41...0x5A).contains($0) }) else { return }
        for index in stride(from: 5, through: 0, by: -1) {
            if letters[index] == 0x41 {
                letters[index] = 0x5A
            } else {
                letters[index] -= 1
                break
            }
        }
        withUnsafeMutableBytes(of: &handle.pointee.ttfont_tag) { raw in
            for (index, letter) in letters.enumerated() { raw[index] = letter }
        }
    }
}

/// Smaller single-byte font dictionaries.
extension HaruDocument {
    /// libharu writes /Widths for codes 32...255 and /Differences for every code of the
    /// encoding that differs from WinAnsi (~2 KB per face). Before saving, this narrows
    /// FirstChar/LastChar to the codes drawn and drops the differences nobody draws. Fonts
    /// sharing an encoder (libharu keeps one per encoding and document) share the union.
    /// Uses libharu 2.3.0's internal font and encoder records.
    func trimSingleByteEncodings(of fonts: [HaruFont]) throws(HaruError) {
        var groups: [UnsafeMutableRawPointer: [HaruFont]] = [:]
        for font in fonts {
            guard let attr = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
                  attr.pointee.type == HPDF_FONT_TRUETYPE, let encoder = attr.pointee.encoder,
                  encoder.pointee.type == HPDF_ENCODER_TYPE_SINGLE_BYTE else { continue }
            groups[UnsafeMutableRawPointer(encoder), default: []].append(font)
        }
        for (encoderPointer, members) in groups {
            var used = [Bool](repeating: false, count: 256)
            for font in members {
                guard let attr = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
                      let flags = attr.pointee.used else { continue }
                for code in 0..<256 where flags[code] != 0 { used[code] = true }
            }
            guard let first = used.firstIndex(of: true), let last = used.lastIndex(of: true) else { continue }
            let encoder = encoderPointer.assumingMemoryBound(to: HPDF_Encoder_Rec.self)
            guard let basic = encoder.pointee.attr?.assumingMemoryBound(to: HPDF_BasicEncoderAttr_Rec.self) else {
                continue
            }
            basic.pointee.first_char = UInt8(first)
            basic.pointee.last_char = UInt8(last)
            var remaining = false
            withUnsafeMutableBytes(of: &basic.pointee.differences) { differences in
                for code in 0..<256 {
                    if !used[code] { differences[code] = 0 }
                    if differences[code] != 0 { remaining = true }
                }
            }
            basic.pointee.has_differences = remaining ? 1 : 0
            for font in members {
                try check(HPDF_Dict_AddNumber(font.handle, "FirstChar", Int32(first)), "HPDF_Dict_AddNumber")
                try check(HPDF_Dict_AddNumber(font.handle, "LastChar", Int32(last)), "HPDF_Dict_AddNumber")
            }
        }
    }
}

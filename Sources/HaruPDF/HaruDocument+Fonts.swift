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

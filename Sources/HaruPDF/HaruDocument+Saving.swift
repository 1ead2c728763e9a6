import Layout

/// Saving: libharu writes the file with its streams unfiltered, `ObjectStreamPacker`
/// deflates them with one `Deflater`, packs the other objects into an object stream, and
/// encrypts or identifies the file as the trailer asks.
extension HaruDocument {
    func packedBytes(trailer: ObjectStreamPacker.Trailer) throws(HaruError) -> [UInt8] {
        let internals = internals
        var taken = internals.takeOverFlate()
        let saved: [UInt8]
        do throws(HaruError) {
            saved = try savedBytes()
        } catch {
            internals.finishSave(&taken)
            internals.restoreFlate(taken)
            throw error
        }
        internals.finishSave(&taken)
        let deflater = Deflater()
        let packer = ObjectStreamPacker(file: saved)
        if taken.complete, let packed = try packer.packed(deflating: taken.numbers, data: taken.data, trailer: trailer,
                                                          deflate: { (bytes) throws(HaruError) in try deflater.deflated(bytes) }) {
            internals.restoreFlate(taken)  // the document stays as libharu would save it
            return packed
        }
        internals.restoreFlate(taken)
        // libharu's own save can neither encrypt with AES nor give a deterministic /ID.
        switch trailer {
        case .plain: break
        case .identified: throw .archive("libharu's output could not be repacked to carry a file identifier")
        case .encrypted: throw .crypto("libharu's output could not be repacked to be encrypted")
        }
        // Should the packer not read the file, libharu saves it again with its own deflate.
        return try savedBytes()
    }
}

extension PagePainter {
    /// The trailer `info` asks for: encrypted when it names a password or print-only, with
    /// an /ID for PDF/A (which refuses encryption), plain otherwise.
    /// - Throws: `HaruError.invalidProtection` for passwords that cannot be used.
    static func trailer(for info: DocumentInfo) throws(HaruError) -> ObjectStreamPacker.Trailer {
        let protected = info.ownerPassword != nil || info.userPassword != nil || info.printOnly
        guard protected else { return info.pdfa ? .identified : .plain }
        guard !info.pdfa else {
            throw .invalidProtection("PDF/A does not allow encryption: ask for one or the other (talon render --no-pdfa encrypts a PDF/A template)")
        }
        guard let ownerText = info.ownerPassword, !ownerText.isEmpty else {
            throw .invalidProtection("a user password or print-only protection needs an owner password")
        }
        let owner = try PDFPassword(ownerText, role: "owner")
        let user = try PDFPassword(info.userPassword ?? "", role: "user")
        guard !owner.bytes.isEmpty else {
            throw .invalidProtection("the owner password is empty after SASLprep")
        }
        guard owner != user else {
            throw .invalidProtection("the owner and user passwords must differ")
        }
        return .encrypted(owner: owner, user: user, printOnly: info.printOnly)
    }
}

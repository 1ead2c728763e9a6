internal import CHaru

/// Saving an encrypted document with a file identifier chosen by the caller.
///
/// libharu 2.3.0 derives the identifier of an encrypted file from the clock
/// (`HPDF_EncryptDict_CreateID` hashes `time()`), and the RC4 keys depend on it, so the
/// identifier cannot be replaced after saving. This follows libharu's own save
/// (`InternalSaveToStream` + `HPDF_Doc_PrepareEncryption`) step by step with internal
/// functions, only taking the identifier from the caller. Works with 2.3.0's internals only
/// (a test checks HPDF_VERSION_TEXT).
extension HaruDocument {
    func savedEncryptedBytes(identifier: [UInt8]) throws(HaruError) -> [UInt8] {
        let call: StaticString = "HPDF_SaveToStream (encrypted)"
        let document = handle.pointee
        guard identifier.count == 16, document.encrypt_on != 0, let encryptDictionary = document.encrypt_dict,
              let encrypt = HPDF_EncryptDict_GetAttr(encryptDictionary),
              let trailer = document.trailer, let xref = document.xref else {
            throw .library(call: "\(call)", code: UInt(HPDF_DOC_ENCRYPTDICT_NOT_FOUND), detail: 0)
        }
        if document.stream == nil {
            handle.pointee.stream = HPDF_MemStream_New(document.mmgr, 4096)
        }
        let stream = try require(handle.pointee.stream, "HPDF_MemStream_New")
        HPDF_MemStream_FreeData(stream)

        // Header, as WriteHeader writes it.
        let minor = 2 + Int(document.pdf_version.rawValue)
        let header: [UInt8] = Array("%PDF-1.\(minor)\n%".utf8) + [0xB7, 0xBE, 0xAD, 0xAA, 0x0A]
        try check(header.withUnsafeBufferPointer { HPDF_Stream_Write(stream, $0.baseAddress, UInt32($0.count)) }, call)

        // Trailer, as PrepareTrailer sets it.
        try check(HPDF_Dict_Add(trailer, "Root", UnsafeMutableRawPointer(document.catalog)), call)
        try check(HPDF_Dict_Add(trailer, "Info", UnsafeMutableRawPointer(document.info)), call)

        // Keys and the encryption dictionary, as HPDF_EncryptDict_Prepare builds them.
        withUnsafeMutableBytes(of: &encrypt.pointee.encrypt_id) { raw in
            for (index, byte) in identifier.enumerated() where index < raw.count { raw[index] = byte }
        }
        HPDF_Encrypt_CreateOwnerKey(encrypt)
        HPDF_Encrypt_CreateEncryptionKey(encrypt)
        HPDF_Encrypt_CreateUserKey(encrypt)
        let ownerKey = binary(of: &encrypt.pointee.owner_key)
        let userKey = binary(of: &encrypt.pointee.user_key)
        try check(HPDF_Dict_Add(encryptDictionary, "O", ownerKey), call)
        try check(HPDF_Dict_Add(encryptDictionary, "U", userKey), call)
        try check(HPDF_Dict_AddName(encryptDictionary, "Filter", "Standard"), call)
        try check(HPDF_Dict_AddNumber(encryptDictionary, "V", 2), call)
        try check(HPDF_Dict_AddNumber(encryptDictionary, "R", 3), call)
        try check(HPDF_Dict_AddNumber(encryptDictionary, "Length", Int32(encrypt.pointee.key_len * 8)), call)
        try check(HPDF_Dict_AddNumber(encryptDictionary, "P", encrypt.pointee.permission), call)

        // The identifier, twice, as HPDF_Doc_PrepareEncryption adds it.
        let array = try require(HPDF_Array_New(document.mmgr), "HPDF_Array_New")
        try check(HPDF_Dict_Add(trailer, "ID", UnsafeMutableRawPointer(array)), call)
        for _ in 0..<2 {
            try check(HPDF_Array_Add(array, binary(of: &encrypt.pointee.encrypt_id)), call)
        }
        try check(HPDF_Xref_WriteToStream(xref, stream, encrypt), call)
        return try streamBytes()
    }

    /// A libharu binary (hex string) object holding the bytes of a fixed-size C array.
    private func binary<Bytes>(of value: inout Bytes) -> UnsafeMutableRawPointer? {
        withUnsafeMutableBytes(of: &value) { raw in
            UnsafeMutableRawPointer(HPDF_Binary_New(handle.pointee.mmgr, raw.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                                    UInt32(raw.count)))
        }
    }
}

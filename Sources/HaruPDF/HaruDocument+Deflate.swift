internal import CHaru

extension HaruDocument {
    /// `bytes` compressed with libharu's own deflate (zlib format, as /FlateDecode reads it),
    /// through two memory streams of this document.
    func deflated(_ bytes: [UInt8]) throws(HaruError) -> [UInt8] {
        let mmgr = handle.pointee.mmgr
        let source = try require(HPDF_MemStream_New(mmgr, UInt32(clamping: max(bytes.count, 1))), "HPDF_MemStream_New")
        defer { HPDF_Stream_Free(source) }
        let target = try require(HPDF_MemStream_New(mmgr, UInt32(clamping: max(bytes.count / 2, 64))),
                                 "HPDF_MemStream_New")
        defer { HPDF_Stream_Free(target) }
        let written = bytes.withUnsafeBufferPointer { HPDF_Stream_Write(source, $0.baseAddress, UInt32($0.count)) }
        try check(written, "HPDF_Stream_Write")
        try check(HPDF_Stream_WriteToStream(source, target, UInt32(HPDF_STREAM_FILTER_FLATE_DECODE), nil),
                  "HPDF_Stream_WriteToStream")
        let size = HPDF_Stream_Size(target)
        try check(HPDF_Stream_Seek(target, 0, HPDF_SEEK_SET), "HPDF_Stream_Seek")
        var result = [UInt8](repeating: 0, count: Int(size))
        var length = size
        let status = result.withUnsafeMutableBufferPointer { HPDF_Stream_Read(target, $0.baseAddress, &length) }
        if status == UInt(HPDF_STREAM_EOF), length == size {
            HPDF_ResetError(handle)
            try check(UInt(HPDF_OK), "HPDF_Stream_Read")
        } else {
            try check(status, "HPDF_Stream_Read")
        }
        guard length == size else { throw .library(call: "HPDF_Stream_Read", code: UInt(HPDF_STREAM_EOF), detail: 0) }
        return result
    }
}

internal import CHaru

/// The first error libharu reported since the last check. libharu calls its error handler
/// synchronously from inside the failing call; the handler only records here, and
/// `HaruDocument.check` turns the record into a thrown `HaruError` (no longjmp).
final class HaruErrorRecord {
    var code: HPDF_STATUS = 0
    var detail: HPDF_STATUS = 0
    var isSet = false
}

/// libharu's error callback: records the first error in the record passed as user data.
private func recordHaruError(_ code: HPDF_STATUS, _ detail: HPDF_STATUS, _ userData: UnsafeMutableRawPointer?) {
    guard let userData else { return }
    let record = Unmanaged<HaruErrorRecord>.fromOpaque(userData).takeUnretainedValue()
    if !record.isSet {
        record.code = code
        record.detail = detail
        record.isSet = true
    }
}

/// Owner of one libharu document (`HPDF_Doc`): frees it in `deinit`. Every call into
/// libharu goes through a method that checks the error state afterwards and throws.
final class HaruDocument {
    let handle: HPDF_Doc
    /// Lives exactly as long as the document, whose handler points at it (unretained).
    private let errors: HaruErrorRecord
    /// Memory libharu reads from until the document is freed (see `HaruInternals.FontSource`).
    private var retained: [UnsafeMutableRawPointer] = []

    /// - Parameter libraryVersion: the version of the libharu linked (tests give another).
    /// - Throws: `HaruError.unsupportedLibrary` unless it is the version whose internal
    ///   records HaruPDF uses (`HaruInternals.supportedVersion`).
    init(libraryVersion: String = HaruDocument.libraryVersion) throws(HaruError) {
        try HaruInternals.requireSupported(libraryVersion)
        let errors = HaruErrorRecord()
        guard let handle = HPDF_New(recordHaruError, Unmanaged.passUnretained(errors).toOpaque()) else {
            throw .library(call: "HPDF_New", code: errors.isSet ? errors.code : 0x1015, detail: errors.detail)
        }
        self.handle = handle
        self.errors = errors
    }

    deinit {
        HPDF_Free(handle)
        for buffer in retained { buffer.deallocate() }
    }

    /// Keeps `buffer` allocated until the document is freed, then deallocates it.
    func retain(_ buffer: UnsafeMutableRawPointer) { retained.append(buffer) }

    /// The version of the libharu linked ("2.3.0"), from `HPDF_GetVersion()`.
    static let libraryVersion = String(cString: HPDF_GetVersion())

    /// libharu's private records and internal functions, for this document.
    var internals: HaruInternals { HaruInternals(document: self) }

    /// Throws if the last call failed: a status other than HPDF_OK or an error recorded by
    /// the handler. Resets libharu's sticky error so the document stays usable.
    func check(_ status: HPDF_STATUS = UInt(HPDF_OK), _ call: StaticString) throws(HaruError) {
        guard status != UInt(HPDF_OK) || errors.isSet else { return }
        let code = errors.isSet ? errors.code : status
        let detail = errors.isSet ? errors.detail : HPDF_GetErrorDetail(handle)
        errors.isSet = false
        HPDF_ResetError(handle)
        throw .library(call: "\(call)", code: code, detail: detail)
    }

    /// Checks a call that returns a handle (nil on failure).
    func require<Handle>(_ result: Handle?, _ call: StaticString) throws(HaruError) -> Handle {
        try check(UInt(HPDF_OK), call)
        guard let result else { throw .library(call: "\(call)", code: 0x1033, detail: 0) }
        return result
    }

    func setCompressionAll() throws(HaruError) {
        try check(HPDF_SetCompressionMode(handle, UInt32(HPDF_COMP_ALL)), "HPDF_SetCompressionMode")
    }

    /// UTF-8 text for fonts loaded afterwards; must precede every font and page.
    func useUTF8() throws(HaruError) {
        try check(HPDF_UseUTFEncodings(handle), "HPDF_UseUTFEncodings")
        try check(HPDF_SetCurrentEncoder(handle, "UTF-8"), "HPDF_SetCurrentEncoder")
    }

    func addPage(width: Double, height: Double) throws(HaruError) -> HaruPage {
        let page = try require(HPDF_AddPage(handle), "HPDF_AddPage")
        try check(HPDF_Page_SetWidth(page, Float(width)), "HPDF_Page_SetWidth")
        try check(HPDF_Page_SetHeight(page, Float(height)), "HPDF_Page_SetHeight")
        // /ProcSet is obsolete since PDF 1.4 (PDF 32000-1 14.2): readers ignore it.
        let haruPage = HaruPage(handle: page, document: self)
        try internals.removeProcSet(of: haruPage)
        return haruPage
    }

    func loadRawImage(_ pixels: [UInt8], width: Int, height: Int, gray: Bool) throws(HaruError) -> HaruImage {
        let image = pixels.withUnsafeBufferPointer { buffer in
            HPDF_LoadRawImageFromMem(handle, buffer.baseAddress, UInt32(width), UInt32(height),
                                     gray ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8)
        }
        return HaruImage(handle: try require(image, "HPDF_LoadRawImageFromMem"))
    }

    func loadJPEG(_ bytes: [UInt8]) throws(HaruError) -> HaruImage {
        let image = bytes.withUnsafeBufferPointer { buffer in
            HPDF_LoadJpegImageFromMem(handle, buffer.baseAddress, UInt32(buffer.count))
        }
        return HaruImage(handle: try require(image, "HPDF_LoadJpegImageFromMem"))
    }

    /// The unicode value libharu's single-byte encoder `name` gives to each code 0...255.
    func encoderTable(_ name: String) throws(HaruError) -> [UInt16] {
        let encoder = try require(HPDF_GetEncoder(handle, name), "HPDF_GetEncoder")
        return (0...255).map { HPDF_Encoder_GetUnicode(encoder, UInt16($0)) }
    }
}

@available(*, unavailable)
extension HaruDocument: Sendable {}

/// A page of a `HaruDocument` (not owning: the document frees it).
struct HaruPage {
    let handle: HPDF_Page
    let document: HaruDocument
}

@available(*, unavailable)
extension HaruPage: Sendable {}

/// A font of a `HaruDocument` in one encoding (not owning).
struct HaruFont {
    let handle: HPDF_Font
}

@available(*, unavailable)
extension HaruFont: Sendable {}

/// An image XObject of a `HaruDocument` (not owning).
struct HaruImage {
    let handle: HPDF_Image
}

@available(*, unavailable)
extension HaruImage: Sendable {}

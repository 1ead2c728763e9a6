internal import CStringPrep
import Glibc

/// A password as PDF 2.0 uses it (ISO 32000-2, 7.6.4.3.3): the string prepared with the
/// SASLprep profile of stringprep (RFC 4013: non-ASCII spaces become spaces, characters
/// "commonly mapped to nothing" are dropped, NFKC, prohibited characters and wrong
/// bidirectional text refused, unassigned code points refused as for stored strings), as
/// UTF-8 of at most 127 bytes. GNU libidn does the preparation.
struct PDFPassword: Equatable {
    static let maximumBytes = 127

    /// The prepared UTF-8 bytes.
    let bytes: [UInt8]

    /// - Parameter role: "owner" or "user", for messages.
    init(_ text: String, role: String) throws(HaruError) {
        guard !text.unicodeScalars.contains("\u{0}") else {
            throw .invalidProtection("the \(role) password holds U+0000, which SASLprep prohibits")
        }
        var prepared: UnsafeMutablePointer<CChar>?
        let status = stringprep_profile(text, &prepared, "SASLprep", STRINGPREP_NO_UNASSIGNED)
        defer { free(prepared) }
        guard status == Int32(STRINGPREP_OK.rawValue), let prepared else {
            let reason = String(cString: stringprep_strerror(Stringprep_rc(rawValue: UInt32(bitPattern: status))))
            throw .invalidProtection("the \(role) password cannot be prepared with SASLprep: \(reason)")
        }
        let bytes = Array(String(cString: prepared).utf8)
        guard bytes.count <= Self.maximumBytes else {
            throw .invalidProtection("the \(role) password is \(bytes.count) bytes of UTF-8 after SASLprep; "
                                     + "at most \(Self.maximumBytes) are allowed")
        }
        self.bytes = bytes
    }
}

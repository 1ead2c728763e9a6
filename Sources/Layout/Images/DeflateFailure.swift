/// Why a zlib/deflate stream could not be decoded; becomes `ImageError.corruptDeflate`.
struct DeflateFailure: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

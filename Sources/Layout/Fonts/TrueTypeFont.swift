import Foundation
/// A parsed TrueType font (interface; the reader fills it).
public final class TrueTypeFont: Sendable, Equatable {
    public let data: [UInt8]
    public init(data: [UInt8]) { self.data = data }
    public static func == (a: TrueTypeFont, b: TrueTypeFont) -> Bool { a === b }
}

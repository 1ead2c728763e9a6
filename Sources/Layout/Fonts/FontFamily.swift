/// The four faces of a family that documents use: regular, bold, italic and bold italic.
/// A family without a true italic may reuse its upright faces.
public struct FontFamily: Sendable, Equatable {
    public var name: String
    public var regular: TrueTypeFont
    public var bold: TrueTypeFont
    public var italic: TrueTypeFont
    public var boldItalic: TrueTypeFont

    public init(name: String, regular: TrueTypeFont, bold: TrueTypeFont, italic: TrueTypeFont,
                boldItalic: TrueTypeFont) {
        self.name = name
        self.regular = regular
        self.bold = bold
        self.italic = italic
        self.boldItalic = boldItalic
    }

    /// The face for a combination of bold and italic.
    public func face(bold isBold: Bool, italic isItalic: Bool) -> TrueTypeFont {
        switch (isBold, isItalic) {
        case (false, false): regular
        case (true, false): bold
        case (false, true): italic
        case (true, true): boldItalic
        }
    }
}

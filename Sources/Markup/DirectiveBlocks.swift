/// Builds the block for a leaf directive (`@field`, `@barcode`, …) from its arguments.
struct DirectiveBlocks {
    let source: SourceText

    func block(for call: DirectiveCall) throws(MarkupError) -> Block {
        switch call.name {
        case "cutline":
            let arguments = try bind(call, ["label"], [])
            return .cutLine(label: try arguments.inline("label"))
        case "field":
            let arguments = try bind(call, ["label"], ["value", "width", "style"])
            guard arguments.has("label") else { throw arguments.missing("a label: @field(Label)") }
            let style = try arguments.keyword("style", ["line", "box"], expected: "line or box") ?? "line"
            return .field(label: try arguments.inline("label"), value: try arguments.inline("value"),
                          style: FieldStyle(rawValue: style) ?? .line, width: try arguments.length("width"))
        case "checkbox":
            let arguments = try bind(call, ["label"], ["checked"])
            guard arguments.has("label") else { throw arguments.missing("a label: @checkbox(Label)") }
            let checked = try arguments.keyword("checked", ["yes", "no", "true", "false"], expected: "yes or no")
            return .checkbox(checked: checked == "yes" || checked == "true", label: try arguments.inline("label"))
        case "signature":
            let arguments = try bind(call, ["caption"], [])
            return .signature(caption: try arguments.inline("caption"))
        case "stamp":
            let arguments = try bind(call, ["label"], [])
            return .stamp(label: try arguments.inline("label"))
        case "image":
            let arguments = try bind(call, ["path"], ["width", "height"])
            guard let path = try arguments.plain("path", context: "an image path"), !path.isEmpty else {
                throw arguments.missing("a file path: @image(\"photo.png\")")
            }
            return .image(path: path, width: try arguments.length("width"), height: try arguments.length("height"),
                          location: source.location(line: call.line, offset: call.offset))
        case "barcode":
            return .barcode(try barcode(call))
        case "pagebreak":
            _ = try bind(call, [], [])
            return .pageBreak
        case "space":
            let arguments = try bind(call, ["height"], [])
            guard let height = try arguments.length("height") else { throw arguments.missing("a height: @space(5mm)") }
            return .spacer(height: height)
        default:
            let suggestion = NameSuggestion.nearest(to: call.name, in: DirectiveName.all)
            throw source.error(.unknownDirective(name: call.name, suggestion: suggestion), line: call.line, offset: call.offset)
        }
    }

    private func bind(_ call: DirectiveCall, _ positional: [String], _ named: [String]) throws(MarkupError)
        -> DirectiveArguments {
        try DirectiveArguments(call, source: source, positional: positional, named: named)
    }

    /// `@barcode(symbology, data, text:, module:, height:, align:, ecc:, emblem:)`.
    private func barcode(_ call: DirectiveCall) throws(MarkupError) -> BarcodeSpec {
        let arguments = try bind(call, ["symbology", "data"], ["text", "module", "height", "align", "ecc", "emblem"])
        guard let name = try arguments.plain("symbology", context: "the barcode symbology") else {
            throw arguments.missing("a symbology and data: @barcode(code128, \"...\")")
        }
        guard let symbology = Symbology(rawValue: name.lowercased()) else {
            let suggestion = NameSuggestion.nearest(to: name, in: Symbology.allCases.map(\.rawValue))
            throw source.error(.unknownSymbology(name: name, suggestion: suggestion),
                               line: call.line, offset: arguments.offset(of: "symbology"))
        }
        guard let data = try arguments.plain("data", context: "barcode data"), !data.isEmpty else {
            throw arguments.missing("the data to encode: @barcode(\(symbology.rawValue), \"...\")")
        }
        var spec = BarcodeSpec(symbology: symbology, data: data,
                               location: source.location(line: call.line, offset: call.offset))
        if let text = try arguments.keyword("text", ["below", "none"], expected: "below or none") {
            spec.showText = text == "below"
        }
        if let module = try arguments.length("module") {
            guard module > 0 else { throw arguments.badValue("module", "\(module)", expected: "a length above zero") }
            spec.moduleWidth = module
        }
        if let height = try arguments.length("height") {
            guard height > 0 else { throw arguments.badValue("height", "\(height)", expected: "a length above zero") }
            spec.height = height
        }
        if let align = try arguments.keyword("align", ["left", "center", "right"], expected: "left, center or right") {
            spec.alignment = TextAlignment(rawValue: align) ?? .left
        }
        if let ecc = try arguments.keyword("ecc", ["L", "M", "Q", "H"], expected: "L, M, Q or H") {
            guard symbology == .qr else {
                throw arguments.badValue("ecc", ecc, expected: "no error correction level (only qr has one)")
            }
            spec.errorCorrection = QRErrorCorrection(rawValue: ecc) ?? .M
        }
        if let emblem = try arguments.keyword("emblem", ["hryvnia"], expected: "hryvnia") {
            guard symbology == .qr else {
                throw arguments.badValue("emblem", emblem, expected: "no emblem (only qr has one)")
            }
            guard spec.errorCorrection != .L else {
                throw arguments.badValue("emblem", emblem, expected: "no emblem at ecc L (the sign covers more than L restores)")
            }
            spec.emblem = BarcodeEmblem(rawValue: emblem)
        }
        return spec
    }
}

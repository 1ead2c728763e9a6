import Layout

extension DocumentRenderer {
    /// Lays out a PDF document without painting it: the display list that
    /// `render(_:)` would paint. Batches keep these to merge many records into one PDF
    /// (`DisplayList.append(_:)`) and paint once with `paint(_:)`.
    /// The request's `format` is ignored.
    public func displayList(for request: RenderRequest) throws(TalonError) -> DisplayList {
        let (markup, name) = try markupText(for: request)
        let document = try pipeline.parse(markup, file: name)
        return try pipeline.layout(document)
    }

    /// Paints a display list into PDF bytes. Identical lists give identical bytes.
    public func paint(_ list: DisplayList) throws(TalonError) -> [UInt8] {
        try pipeline.paint(list)
    }
}

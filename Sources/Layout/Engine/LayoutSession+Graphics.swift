import Barcode
import Markup
import TalonPrimitives

extension LayoutSession {
    /// An image at its size (72 dpi when neither dimension is given; one dimension keeps the
    /// aspect ratio), scaled down to fit the column width and the page body.
    func image(path: String, width: Points?, height: Points?, location: SourceLocation, in context: BlockContext)
        throws(LayoutError) -> Fragment {
        let index: Int
        if let known = imageIndexByPath[path] {
            index = known
        } else {
            let resource: ImageResource
            do {
                resource = try engine.images(path, location)
            } catch {
                throw .imageFailed(path: path, reason: "\(error)", location: location)
            }
            guard resource.pixelWidth > 0, resource.pixelHeight > 0 else {
                throw .imageFailed(path: path, reason: "image has no pixels", location: location)
            }
            index = images.count
            images.append(resource)
            imageIndexByPath[path] = index
        }
        let pixelWidth = Double(images[index].pixelWidth), pixelHeight = Double(images[index].pixelHeight)
        func usable(_ value: Points?) -> Points? { value.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } }
        var w: Points, h: Points
        switch (usable(width), usable(height)) {
        case let (w0?, h0?): (w, h) = (w0, h0)
        case let (w0?, nil): (w, h) = (w0, w0 * pixelHeight / pixelWidth)
        case let (nil, h0?): (w, h) = (h0 * pixelWidth / pixelHeight, h0)
        case (nil, nil): (w, h) = (pixelWidth, pixelHeight)
        }
        let scale = min(1, context.width / w, bodyHeight / h)
        w *= scale
        h *= scale
        var fragment = Fragment(height: h, ops: [.image(index: index, x: context.x, y: h, width: w, height: h)])
        fragment.spaceAfter = paragraphGap
        return fragment
    }

    /// A barcode as one `ModuleGrid` with the quiet zones kept clear: 1D bars as one row of
    /// modules as tall as the bars, the text centered below; 2D modules merged into
    /// rectangles. Barcodes never shrink.
    func barcode(_ spec: BarcodeSpec, in context: BlockContext) throws(LayoutError) -> Fragment {
        let encoded: EncodedBarcode
        do {
            encoded = try engine.barcodes(spec)
        } catch {
            throw .barcodeFailed(symbology: spec.symbology, data: spec.data, reason: "\(error)",
                                 location: spec.location)
        }
        let module = spec.moduleWidth
        guard module.isFinite, module > 0, spec.height.isFinite, spec.height > 0 else {
            throw .barcodeFailed(symbology: spec.symbology, data: spec.data,
                                 reason: "module width and height must be positive", location: spec.location)
        }
        var fragment = Fragment(height: 0)
        let totalWidth: Points
        switch encoded {
        case .linear(let symbol):
            totalWidth = Double(symbol.modules.count + 2 * max(0, symbol.quietZone)) * module
            let left = try barcodeLeft(totalWidth, spec, in: context) + Double(max(0, symbol.quietZone)) * module
            let bars = Self.darkRuns(symbol.modules[...]).map {
                ModuleGrid.Rectangle(x: $0.lowerBound, y: 0, width: $0.count, height: 1)
            }
            fragment.ops.append(.modules(ModuleGrid(origin: (left, spec.height), module: (module, spec.height),
                                                    rectangles: bars)))
            fragment.height = spec.height
            if spec.showText && !symbol.humanReadable.isEmpty {
                let size = max(6, setup.fontSize * 0.9)
                let text = styledText([.text(symbol.humanReadable)], size: size)
                let center = left + Double(symbol.modules.count) * module / 2
                let textWidth = text.contentWidths().max
                fragment.height += textBlock(text, alignment: .center, x: center - textWidth / 2 - 1,
                                             width: textWidth + 2, top: spec.height + 1, into: &fragment.ops) + 1
            }
        case .matrix(let symbol):
            guard symbol.size > 0, symbol.modules.count == symbol.size * symbol.size else {
                throw .barcodeFailed(symbology: spec.symbology, data: spec.data,
                                     reason: "matrix symbol has \(symbol.modules.count) modules for size \(symbol.size)",
                                     location: spec.location)
            }
            totalWidth = Double(symbol.size + 2 * max(0, symbol.quietZone)) * module
            let left = try barcodeLeft(totalWidth, spec, in: context)
            let quiet = Double(max(0, symbol.quietZone)) * module
            // Rows count from the top in the symbol, from the bottom in the grid.
            let rectangles = symbol.darkRectangles().map {
                ModuleGrid.Rectangle(x: $0.x, y: symbol.size - $0.y - $0.height, width: $0.width, height: $0.height)
            }
            fragment.ops.append(.modules(ModuleGrid(origin: (left + quiet, quiet + Double(symbol.size) * module),
                                                    module: (module, module), rectangles: rectangles)))
            if spec.emblem == .hryvnia {
                hryvniaEmblem(symbolSize: symbol.size, module: module, left: left + quiet, top: quiet, into: &fragment.ops)
            }
            fragment.height = totalWidth
        }
        fragment.spaceBefore = paragraphGap * 0.5
        fragment.spaceAfter = paragraphGap
        return fragment
    }

    private func barcodeLeft(_ width: Points, _ spec: BarcodeSpec, in context: BlockContext) throws(LayoutError)
        -> Points {
        guard width <= context.width + 0.001 else {
            throw .tooWide(element: "\(spec.symbology.rawValue) barcode", width: width, available: context.width,
                           location: spec.location)
        }
        switch spec.alignment {
        case .left, .justify: return context.x
        case .center: return context.x + (context.width - width) / 2
        case .right: return context.x + context.width - width
        }
    }

    /// Runs of consecutive dark modules.
    static func darkRuns(_ modules: ArraySlice<Bool>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = -1
        for (offset, dark) in modules.enumerated() {
            if dark && start < 0 { start = offset }
            if !dark && start >= 0 {
                runs.append(start..<offset)
                start = -1
            }
        }
        if start >= 0 { runs.append(start..<modules.count) }
        return runs
    }
}

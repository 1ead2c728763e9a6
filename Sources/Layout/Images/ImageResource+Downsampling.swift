extension ImageResource {
    /// The image averaged down by the smallest whole factor that leaves at most `limit`
    /// pixels (each output pixel the mean of a factor × factor block, cut short at the
    /// right and bottom edges). JPEG images and images within the limit are returned as
    /// they are.
    func downsampled(toAtMost limit: Int) -> ImageResource {
        guard case .raw(let components, let bytes) = pixels, limit > 0,
            pixelWidth > 0, pixelHeight > 0, pixelWidth.multipliedReportingOverflow(by: pixelHeight).partialValue > limit
        else { return self }
        var factor = 2
        while (pixelWidth + factor - 1) / factor * ((pixelHeight + factor - 1) / factor) > limit { factor += 1 }
        let width = (pixelWidth + factor - 1) / factor, height = (pixelHeight + factor - 1) / factor
        var output = [UInt8](repeating: 0, count: width * height * components)
        var sums = [Int](repeating: 0, count: width * components)
        var counts = [Int](repeating: 0, count: width)
        for row in 0..<height {
            for index in sums.indices { sums[index] = 0 }
            for index in counts.indices { counts[index] = 0 }
            for sourceRow in (row * factor)..<min((row + 1) * factor, pixelHeight) {
                let rowStart = sourceRow * pixelWidth * components
                for x in 0..<pixelWidth {
                    let target = x / factor
                    counts[target] += 1
                    for component in 0..<components {
                        sums[target * components + component] += Int(bytes[rowStart + x * components + component])
                    }
                }
            }
            let outputStart = row * width * components
            for x in 0..<width {
                for component in 0..<components {
                    let sum = sums[x * components + component]
                    // Rounded to nearest.
                    output[outputStart + x * components + component] = UInt8((sum + counts[x] / 2) / counts[x])
                }
            }
        }
        return ImageResource(pixelWidth: width, pixelHeight: height, pixels: .raw(components: components, bytes: output))
    }
}

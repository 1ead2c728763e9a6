import Barcode

/// Encodes per second: a 14-character serial in Code 128 and a 100-byte text in QR Code at level M.
func barcodeBenchmark() throws {
    let serial = "SN2024UA000123"
    let text = String(repeating: "https://service.example.com/rma/UA-2024-000123?serial=FD5462&", count: 2)
        .prefix(100)
    try measureEncodes("Code 128, 14-character serial") { try Code128.encode(serial).modules.count }
    try measureEncodes("QR Code, 100 bytes, level M") {
        try QRCode.encode(String(text), errorCorrection: .medium).size
    }
}

/// Runs `body` for about a second after one warm-up call and prints calls per second.
private func measureEncodes(_ name: String, _ body: () throws -> Int) throws {
    var checksum = try body()
    let clock = ContinuousClock()
    let start = clock.now
    var runs = 0
    while runs < 1_000_000 {
        checksum &+= try body()
        runs += 1
        if runs % 100 == 0, clock.now - start > .seconds(1) { break }
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("\(name): \(Int(Double(runs) / seconds)) encodes/s (\(runs) runs, checksum \(checksum))")
}

/// How the records of a batch input are written.
public enum BatchInputFormat: String, Sendable, CaseIterable {
    /// One JSON array whose elements are the records.
    case jsonArray = "json"
    /// One JSON object per line (JSON Lines / NDJSON); blank lines are skipped.
    case jsonLines = "jsonl"
    /// RFC 4180 CSV with a header row of dotted field paths (`product.serial`).
    case csv

    /// The format named by a file's extension: `.json`, `.jsonl`/`.ndjson`, `.csv`.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "json": self = .jsonArray
        case "jsonl", "ndjson": self = .jsonLines
        case "csv": self = .csv
        default: return nil
        }
    }

    /// The format guessed from the first byte that is not white space (after a UTF-8
    /// byte-order mark): `[` a JSON array, `{` JSON Lines, anything else CSV.
    static func detect(firstByte: UInt8?) -> BatchInputFormat {
        switch firstByte {
        case UInt8(ascii: "["): .jsonArray
        case UInt8(ascii: "{"): .jsonLines
        default: .csv
        }
    }
}

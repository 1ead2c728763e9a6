/// Strict ISO 8601 calendar dates: exactly `YYYY-MM-DD`, year 0001...9999.
extension CalendarDate: LosslessStringConvertible, Codable {
    /// Parses `YYYY-MM-DD` strictly: ten ASCII characters, real month and day.
    public init(iso text: String) throws(CalendarDateError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            throw .notISODate(text)
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            year >= 1
        else { throw .notISODate(text) }
        try self.init(year: year, month: month, day: day)
    }

    /// `LosslessStringConvertible`: nil unless the text is a valid ISO date.
    public init?(_ description: String) {
        guard let date = try? CalendarDate(iso: description) else { return nil }
        self = date
    }

    /// The ISO 8601 form, e.g. `2024-02-29`.
    public var isoString: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { isoString }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(iso: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }
}

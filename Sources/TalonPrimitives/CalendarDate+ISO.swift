/// Strict ISO 8601 calendar dates: exactly `YYYY-MM-DD`, year 0001...9999.
extension CalendarDate: LosslessStringConvertible, Codable {
    /// Parses `YYYY-MM-DD` strictly: ten ASCII characters, real month and day.
    public init(iso text: String) throws(CalendarDateError) {
        guard let (year, month, day) = Self.isoFields(text.utf8, allowingTime: false) else { throw .notISODate(text) }
        try self.init(year: year, month: month, day: day)
    }

    /// The date of `YYYY-MM-DD` or of a date-time `YYYY-MM-DDT…` (what follows the `T` is
    /// not read); nil unless the date is real. The templates' `date` formatter reads this.
    public static func date(ofISO text: String) -> CalendarDate? {
        guard let (year, month, day) = isoFields(text.utf8, allowingTime: true) else { return nil }
        return try? CalendarDate(year: year, month: month, day: day)
    }

    /// Year, month and day of `DDDD-DD-DD` (year 0001 or later), read from UTF-8 without
    /// making Characters; with `allowingTime`, a `T` may follow and end the date.
    private static func isoFields(_ utf8: String.UTF8View, allowingTime: Bool) -> (Int, Int, Int)? {
        var fields = (0, 0, 0)
        var position = 0
        for byte in utf8 {
            if position == 10 {
                guard allowingTime, byte == UInt8(ascii: "T") else { return nil }
                break
            }
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch position {
                case ..<4: fields.0 = fields.0 * 10 + digit
                case ..<7: fields.1 = fields.1 * 10 + digit
                default: fields.2 = fields.2 * 10 + digit
                }
            }
            position += 1
        }
        guard position == 10, fields.0 >= 1 else { return nil }
        return fields
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

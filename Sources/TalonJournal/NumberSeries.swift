/// A numbering series: one counter per year, formatted by a pattern such as
/// `RMA-{yyyy}-{00000}` (`{yyyy}` the year, `{000…}` the counter padded to that many digits).
public enum NumberSeries: String, Sendable, Hashable, CaseIterable {
    /// Warranty cards.
    case card
    /// Claims (RMA numbers).
    case rma
    /// Repair invoices.
    case invoice

    /// The format a new journal starts with (kept in the journal's `series_formats`).
    public var defaultFormat: String {
        switch self {
        case .card: "ГТ-{yyyy}-{000000}"
        case .rma: "RMA-{yyyy}-{00000}"
        case .invoice: "РХ-{yyyy}-{0000}"
        }
    }
}

/// A parsed series format.
public struct NumberFormat: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case year
        case counter(digits: Int)
    }
    let parts: [Part]
    /// The format as written.
    public let pattern: String

    /// Parses a format; it must hold exactly one counter `{0…}`.
    public init(_ pattern: String) throws(JournalError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(pattern)
        var counters = 0
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw .input(path: "series format", reason: "'\(pattern)': unclosed '{'")
            }
            let field = rest[rest.index(after: open)..<close]
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            if field == "yyyy" {
                parts.append(.year)
            } else if !field.isEmpty, field.count <= 18, field.allSatisfy({ $0 == "0" }) {
                parts.append(.counter(digits: field.count))
                counters += 1
            } else {
                throw .input(path: "series format", reason: "'\(pattern)': unknown field {\(field)} (use {yyyy} and {000…})")
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        guard counters == 1 else {
            throw .input(path: "series format", reason: "'\(pattern)': needs exactly one counter such as {00000}")
        }
        self.parts = parts
        self.pattern = pattern
    }

    /// The counter's width: the largest counter that fits is 10^digits - 1.
    var counterDigits: Int {
        for part in parts { if case .counter(let digits) = part { return digits } }
        return 1
    }

    /// The number text for `counter` in `year`; nil when the counter has outgrown its digits.
    public func format(counter: Int, year: Int) -> String? {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .year: text += Self.pad(year, 4)
            case .counter(let digits):
                let digitsText = String(counter)
                guard counter > 0, digitsText.count <= digits else { return nil }
                text += Self.pad(counter, digits)
            }
        }
        return text
    }

    /// The number of `series` for `counter` in `year`; an error when the counter has outgrown its digits.
    func number(of series: NumberSeries, counter: Int, year: Int) throws(JournalError) -> String {
        guard let number = format(counter: counter, year: year) else {
            throw .store("the \(series.rawValue) series for \(year) is full (\(pattern))")
        }
        return number
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

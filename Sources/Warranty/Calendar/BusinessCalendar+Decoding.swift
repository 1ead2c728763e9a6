import Foundation

/// Calendar files (`Templates/calendars/*.json`):
/// ```json
/// {"calendar": "ua-peacetime",
///  "name": {"en": "Ukraine, peacetime …", "uk": "Україна, мирний час …"},
///  "weekend": ["saturday", "sunday"],
///  "holidays": "none"   // or {"2025": [{"date": "2025-01-01", "name": {"en": "…", "uk": "…"}}]}
///  "transfer_weekend_holidays": true,
///  "note": "free text for people editing the file"}
/// ```
/// `"holidays": "none"` means no public holidays apply in any year; a map lists the
/// holidays of each covered year (key = the year; every date must be in that year).
extension BusinessCalendar {
    /// Decodes a calendar file, reporting every problem at once.
    public static func decode(json data: Data) throws(ValidationError) -> BusinessCalendar {
        let log = ProblemLog()
        let calendar = read(JSONCursor(root: try JSONValue.parse(data), log: log))
        try log.finish()
        guard let calendar else { throw ValidationError(problems: [ValidationProblem(path: "$", reason: "invalid")]) }
        return calendar
    }

    static func read(_ root: JSONCursor) -> BusinessCalendar? {
        guard let object = root.object(required: true, keys: ["calendar", "name", "weekend", "holidays", "transfer_weekend_holidays", "note"]) else {
            return nil
        }
        let identifier = object["calendar"].string(required: true, maxLength: 40)
        let name = LocalizedText.read(object["name"])
        _ = object["note"].string(required: false, maxLength: 5000)
        var weekend: Set<Weekday> = [.saturday, .sunday]
        if let days = object["weekend"].array(required: false) {
            weekend = []
            for day in days {
                if let text = day.choice(required: true, of: Weekday.allCases.map(\.name)), let weekday = Weekday(name: text) {
                    if !weekend.insert(weekday).inserted { day.report("listed twice") }
                }
            }
        }
        let transfer = object["transfer_weekend_holidays"].bool(default: false)
        let holidays = readHolidays(object["holidays"])
        guard let identifier, let name, let holidays else { return nil }
        return BusinessCalendar(identifier: identifier, displayName: name, weekend: weekend,
                                holidays: holidays, transfersWeekendHolidays: transfer)
    }

    static func readHolidays(_ cursor: JSONCursor) -> Holidays? {
        if case .string(let text)? = cursor.value {
            if text == "none" { return Holidays.none }
            cursor.report("must be \"none\" or an object of years")
            return nil
        }
        guard case .object(let pairs)? = cursor.value else {
            cursor.report(cursor.isMissing ? ValidationReason.required : "must be \"none\" or an object of years")
            return nil
        }
        var years: [Int: [Holiday]] = [:]
        for pair in pairs {
            let yearCursor = cursor[pair.key]
            guard pair.key.count == 4, let year = Int(pair.key), year >= 1 else {
                yearCursor.report("key must be a year (YYYY)")
                continue
            }
            var list: [Holiday] = []
            for entry in yearCursor.array(required: true) ?? [] {
                guard let item = entry.object(required: true, keys: ["date", "name"]) else { continue }
                let date = item["date"].date(required: true)
                let name = LocalizedText.read(item["name"])
                if let date, date.year != year { item["date"].report("not in \(year)") }
                if let date, let name, date.year == year { list.append(Holiday(date: date, name: name)) }
            }
            years[year] = list.sorted { $0.date < $1.date }
        }
        return .listed(years)
    }
}

extension LocalizedText {
    /// Reads `{"en": "…", "uk": "…"}`, both required.
    static func read(_ cursor: JSONCursor) -> LocalizedText? {
        guard let object = cursor.object(required: true, keys: ["en", "uk"]) else { return nil }
        let en = object["en"].string(required: true, maxLength: 300)
        let uk = object["uk"].string(required: true, maxLength: 300)
        guard let en, let uk else { return nil }
        return LocalizedText(en: en, uk: uk)
    }
}

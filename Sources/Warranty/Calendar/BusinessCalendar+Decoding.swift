import Foundation
import TalonPrimitives

/// Calendar files (`Templates/calendars/*.json`, described in their README):
/// ```json
/// {"calendar": "ua-peacetime",
///  "name": {"en": "Ukraine, peacetime …", "uk": "Україна, мирний час …"},
///  "weekend": ["saturday", "sunday"],
///  "holidays": "none"   // or {"from": 2025, "rules": [...], "dates": [...]}
///  "transfer_weekend_holidays": true,
///  "default_for": ["pl"],   // languages whose documents use it when their data names none
///  "note": "free text for people editing the file"}
/// ```
/// A rule is `{"date": "MM-DD", ...}` or `{"easter": "orthodox"|"western", "days_after": 49, ...}`
/// with a `name` and optional `from` / `until` years; `dates` lists one-off holidays
/// (`{"date": "YYYY-MM-DD", "name": …}`) in or after the `from` year.
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
        guard let object = root.object(required: true, keys: ["calendar", "name", "weekend", "holidays", "transfer_weekend_holidays", "default_for",
                                                      "note"]) else {
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
        var defaultFor: Set<String> = []
        for tag in object["default_for"].array(required: false) ?? [] {
            if let text = tag.string(required: true, maxLength: 20) { defaultFor.insert(text) }
        }
        guard let identifier, let name, let holidays else { return nil }
        var calendar = BusinessCalendar(identifier: identifier, displayName: name, weekend: weekend,
                                        holidays: holidays, transfersWeekendHolidays: transfer)
        calendar.defaultFor = defaultFor
        return calendar
    }

    static func readHolidays(_ cursor: JSONCursor) -> Holidays? {
        if case .string(let text)? = cursor.value {
            if text == "none" { return Holidays.none }
            cursor.report("must be \"none\" or an object with from, rules and dates")
            return nil
        }
        guard case .object? = cursor.value else {
            cursor.report(cursor.isMissing ? ValidationReason.required : "must be \"none\" or an object with from, rules and dates")
            return nil
        }
        guard let object = cursor.object(required: true, keys: ["from", "rules", "dates"]) else { return nil }
        let firstYear = object["from"].integer(required: true, in: 1990...lastComputedYear)
        let rules = (object["rules"].array(required: true) ?? []).compactMap(readRule)
        var oneOff: [Holiday] = []
        for entry in object["dates"].array(required: false) ?? [] {
            guard let item = entry.object(required: true, keys: ["date", "name"]) else { continue }
            let date = item["date"].date(required: true)
            let name = LocalizedText.read(item["name"])
            if let date, let firstYear, date.year < firstYear { item["date"].report("before the calendar's first year \(firstYear)") }
            if let date, let name { oneOff.append(Holiday(date: date, name: name)) }
        }
        guard let firstYear else { return nil }
        return .rules(HolidayRules(firstYear: firstYear, rules: rules, oneOff: oneOff))
    }

    /// `{"date": "12-25", "name": …}` or `{"easter": "orthodox", "days_after": 49, "name": …}`.
    static func readRule(_ entry: JSONCursor) -> HolidayRules.Rule? {
        guard let item = entry.object(required: true, keys: ["date", "easter", "days_after", "name", "from", "until"]) else {
            return nil
        }
        let name = LocalizedText.read(item["name"])
        let from = item["from"].integer(required: false, in: 1990...lastComputedYear)
        let until = item["until"].integer(required: false, in: 1990...lastComputedYear)
        var day: HolidayRules.Rule.Day?
        if item["easter"].isMissing {
            if let text = item["date"].string(required: true, maxLength: 5) {
                let parts = text.split(separator: "-").map { Int($0) }
                if parts.count == 2, text.count == 5, let month = parts[0], let dayOfMonth = parts[1],
                    (1...12).contains(month), (1...CalendarDate.daysInMonth(year: 2024, month: month)).contains(dayOfMonth) {
                    day = .fixed(month: month, day: dayOfMonth)
                } else {
                    item["date"].report("not a day of the year (expected MM-DD)")
                }
            }
            if !item["days_after"].isMissing { item["days_after"].report("only with \"easter\"") }
        } else {
            if !item["date"].isMissing { item["date"].report("give either \"date\" or \"easter\"") }
            let offset = item["days_after"].integer(required: false, in: -100...100) ?? 0
            switch item["easter"].choice(required: true, of: ["orthodox", "western"]) {
            case "orthodox"?: day = .orthodoxEaster(offset: offset)
            case "western"?: day = .westernEaster(offset: offset)
            default: break
            }
        }
        guard let day, let name else { return nil }
        return HolidayRules.Rule(day: day, name: name, from: from, until: until)
    }
}

extension LocalizedText {
    /// Reads `{"en": "…", "uk": "…", "pl": "…"}`: a text per language tag, any tags (a
    /// new language adds its own), English required (it stands in for a language without
    /// its own text).
    static func read(_ cursor: JSONCursor) -> LocalizedText? {
        guard case .object(let pairs)? = cursor.value else {
            cursor.object(required: true, keys: [])
            return nil
        }
        let tags = pairs.map(\.key).filter(DocumentLocale.isTag)
        guard let object = cursor.object(required: true, keys: tags) else { return nil }
        var texts: [String: String] = [:]
        for tag in tags {
            texts[tag] = object[tag].string(required: true, maxLength: 300)
        }
        guard let en = object["en"].string(required: true, maxLength: 300) else { return nil }
        return LocalizedText(en: en, others: texts)
    }
}

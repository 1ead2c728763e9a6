/// Dates as documents print them.
extension CalendarDate {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]
    /// Genitive month names, as in "29 лютого 2024 р.".
    static let ukrainianMonths = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
                                  "вересня", "жовтня", "листопада", "грудня"]

    /// Polish month names in the genitive, as in "29 lutego 2024 r.".
    static let polishMonths = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
                               "września", "października", "listopada", "grudnia"]

    /// Short form: uk and pl `29.02.2024`, en `29 Feb 2024`.
    public func formatted(_ locale: DocumentLocale) -> String {
        let iso = isoString
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        switch locale {
        case .uk, .pl: return "\(dayText).\(monthText).\(iso.prefix(4))"
        case .en: return "\(day) \(CalendarDate.englishMonths[month - 1].prefix(3)) \(iso.prefix(4))"
        }
    }

    /// Long form: uk `29 лютого 2024 р.`, en `29 February 2024`.
    public func longFormatted(_ locale: DocumentLocale) -> String {
        let year = isoString.prefix(4)
        switch locale {
        case .uk: return "\(day) \(CalendarDate.ukrainianMonths[month - 1]) \(year) р."
        case .pl: return "\(day) \(CalendarDate.polishMonths[month - 1]) \(year) r."
        case .en: return "\(day) \(CalendarDate.englishMonths[month - 1]) \(year)"
        }
    }
}

extension Weekday {
    /// The weekday's name: `Friday`, `пʼятниця`.
    public func name(_ locale: DocumentLocale) -> String {
        switch locale {
        case .en: String(describing: self).prefix(1).uppercased() + String(describing: self).dropFirst()
        case .uk: ["понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"][rawValue - 1]
        case .pl: ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"][rawValue - 1]
        }
    }
}

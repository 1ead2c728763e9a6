/// Dates as documents print them.
extension CalendarDate {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

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

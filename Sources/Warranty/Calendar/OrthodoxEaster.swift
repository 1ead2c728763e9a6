/// Easter Sunday of the Orthodox church (Julian computus), as a Gregorian date.
public enum OrthodoxEaster {
    /// Orthodox Easter for `year` (1900...2099, where the Julian calendar is 13 days
    /// behind); nil outside that range. 2025 → 2025-04-20, 2027 → 2027-05-02.
    public static func date(year: Int) -> CalendarDate? {
        guard (1900...2099).contains(year) else { return nil }
        let golden = year % 19
        let d = (19 * golden + 15) % 30
        let e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
        let month = (d + e + 114) / 31
        let day = (d + e + 114) % 31 + 1
        return CalendarDate(valid: year, month, day).addingDays(13)
    }

    /// Trinity Sunday (Pentecost): Easter + 49 days.
    public static func trinity(year: Int) -> CalendarDate? {
        date(year: year)?.addingDays(49)
    }
}

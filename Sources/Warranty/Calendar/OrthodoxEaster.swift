import TalonPrimitives

/// Easter Sunday of the Orthodox church (Julian computus), as a Gregorian date.
public enum OrthodoxEaster {
    /// Orthodox Easter for `year` (1583...9999, the Gregorian calendar's years); nil outside.
    /// 2025 → 2025-04-20, 2027 → 2027-05-02, 2100 → 2100-05-02.
    public static func date(year: Int) -> CalendarDate? {
        guard (1583...9999).contains(year) else { return nil }
        let golden = year % 19
        let d = (19 * golden + 15) % 30
        let e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
        let month = (d + e + 114) / 31
        let day = (d + e + 114) % 31 + 1
        // The Julian calendar falls one day further behind in each century year that is not
        // a Gregorian leap year: 13 days in 1900-2099, 14 from March 2100. Easter is always
        // after February, so the year's gap applies.
        let gap = year / 100 - year / 400 - 2
        return CalendarDate(valid: year, month, day).addingDays(gap)
    }

    /// Trinity Sunday (Pentecost): Easter + 49 days.
    public static func trinity(year: Int) -> CalendarDate? {
        date(year: year)?.addingDays(49)
    }
}

/// Easter Sunday of the Western churches (Gregorian computus).
public enum WesternEaster {
    /// Western Easter for `year` (1583...9999); nil outside. 2025 → 2025-04-20, 2027 → 2027-03-28.
    public static func date(year: Int) -> CalendarDate? {
        guard (1583...9999).contains(year) else { return nil }
        let golden = year % 19
        let century = year / 100, yearOfCentury = year % 100
        let skippedLeapDays = century / 4, centuryRemainder = century % 4
        let moonCorrection = (century + 8) / 25
        let moonShift = (century - moonCorrection + 1) / 3
        let epact = (19 * golden + century - skippedLeapDays - moonShift + 15) % 30
        let leapDays = yearOfCentury / 4, yearRemainder = yearOfCentury % 4
        let weekdayOffset = (32 + 2 * centuryRemainder + 2 * leapDays - epact - yearRemainder) % 7
        let correction = (golden + 11 * epact + 22 * weekdayOffset) / 451
        let month = (epact + weekdayOffset - 7 * correction + 114) / 31
        let day = (epact + weekdayOffset - 7 * correction + 114) % 31 + 1
        return CalendarDate(valid: year, month, day)
    }
}

import Warranty

extension DocumentRenderer {
    /// The words of the standard exclusion clauses by number, from the built-in catalogue of
    /// `locale` (`clause.<number>`), for pages that list them (the staff's diagnosis form).
    /// Empty when the catalogue cannot be read; a clause the catalogue lacks is left out
    /// (`talon check` reports both).
    public func clauseTexts(_ locale: DocumentLocale) -> [Int: String] {
        guard let texts = try? catalogues.builtIn(locale).texts else { return [:] }
        var result: [Int: String] = [:]
        for clause in ExclusionClause.standard {
            result[clause.number] = texts[clause.textKey]
        }
        return result
    }

    /// The subject of a claim's e-mail for `event` in `locale`, from the built-in catalogue
    /// (`mail.subject_<event>`, `{{rma}}` filled in); the RMA number alone when the
    /// catalogue cannot be read or lacks it (`talon check` reports both).
    public func mailSubject(_ event: Notice.Event, rma: String, locale: DocumentLocale) -> String {
        guard let catalogue = try? catalogues.builtIn(locale) else { return rma }
        let subject = PresentationOptions(catalogue: catalogue).words(event.subjectKey, ["rma": rma])
        return subject == event.subjectKey ? rma : subject
    }
}

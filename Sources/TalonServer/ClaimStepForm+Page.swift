import Foundation
import Mustache
import Warranty

extension ClaimStepForm {
    /// What the form checks itself before the journal does: a diagnosis says covered or
    /// not, and cites exclusion clauses exactly when it is not covered.
    func ownProblems(pages: WebPages, locale: DocumentLocale) -> [String: String] {
        guard sectionKey == "diagnosis" else { return [:] }
        switch values["coverage"] {
        case "covered" where !clauses.isEmpty: return ["clauses": pages.text("clauses_when_covered", locale)]
        case "not_covered" where clauses.isEmpty: return ["clauses": pages.text("clauses_needed", locale)]
        case nil: return ["coverage": pages.text("coverage_needed", locale)]
        default: return [:]
        }
    }

    /// Each problem beside the field its path (or the nearest enclosing path) names; the
    /// others apart, for the summary.
    func place(_ problems: [ValidationProblem], fieldsByPath: [String: String], pages: WebPages,
               locale: DocumentLocale) -> (errors: [String: String], unplaced: [String]) {
        var errors: [String: String] = [:], unplaced: [String] = []
        for problem in problems {
            var path = Substring(problem.path)
            while fieldsByPath[String(path)] == nil, let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) {
                path = path[..<cut]
            }
            guard let id = fieldsByPath[String(path)] else {
                unplaced.append(problem.description)
                continue
            }
            errors[id] = errors[id] ?? Self.message(for: problem, pages: pages, locale: locale)
        }
        return (errors, unplaced)
    }

    static func message(for problem: ValidationProblem, pages: WebPages, locale: DocumentLocale) -> String {
        switch problem.reason {
        case ValidationReason.required: pages.text("required_field", locale)
        case ValidationReason.notADate: pages.text("invalid_date", locale)
        default: "\(pages.text("invalid", locale)) (\(problem.reason))"
        }
    }

    /// The page data: the groups (rows headed "Line 2"), each field with its label,
    /// value, choices and message; the exclusion clauses labelled with the words of the
    /// documents' catalogue (`clauseTexts`, by number).
    func pageData(errors: [String: String], pages: WebPages, locale: DocumentLocale,
                  clauseTexts: [Int: String]) -> [TemplateValue] {
        groups.map { group in
            var item: [String: TemplateValue] = ["fields": .list(group.fields.map {
                field(for: $0, errors: errors, pages: pages, locale: locale, clauseTexts: clauseTexts)
            })]
            if let row = group.row {
                item["legend"] = .string("\(pages.text(group.fields.first?.id.hasPrefix("lines") == true ? "line" : "part", locale)) \(row)")
            }
            return .map(item)
        }
    }

    private func field(for field: Field, errors: [String: String], pages: WebPages, locale: DocumentLocale,
                       clauseTexts: [Int: String]) -> TemplateValue {
        var item: [String: TemplateValue] = [
            "id": .string(field.id), "label": .string(pages.text(field.label, locale)), "required": .bool(field.required),
            "value": .string(values[field.id] ?? ""),
        ]
        switch field.kind {
        case .text, .integer: item["text"] = .bool(true)
        case .date: item["date"] = .bool(true)
        case .textarea: item["textarea"] = .bool(true)
        case .choice(let choices):
            item["choice"] = .bool(true)
            item["choices"] = .list(choices.map { choice in
                .map(["value": .string(choice), "label": .string(pages.text("\(field.label)_\(choice)", locale)),
                      "checked": .bool(values[field.id] == choice)])
            })
        case .clauses:
            item["checks"] = .bool(true)
            item["clauses"] = .list(ExclusionClause.standard.map { clause in
                .map(["value": .integer(clause.number), "label": .string("\(clause.number). \(clauseTexts[clause.number] ?? "")"),
                      "checked": .bool(clauses.contains(clause.number))])
            })
        }
        if let error = errors[field.id] { item["error"] = .string(error) }
        return .map(item)
    }
}

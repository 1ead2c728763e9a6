import Foundation
import Mustache
import TalonJournal
import TalonPrimitives
import Warranty

/// A claim's page for the staff: its history, documents and due dates, and the form for
/// the one step its state allows, sent to the journal as `talon claim <step>` sends it.
extension TalonApp {
    /// `/staff/claims/<rma>` and `/staff/claims/<rma>/<step>`.
    func claimRoute(_ request: HTTPRequest, user: String, locale: DocumentLocale) -> HTTPResponse? {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(3).map(String.init)
        switch (request.method, parts.count) {
        case ("GET", 1):
            return claimPage(parts[0], user: user, locale: locale, done: request.query["done"].flatMap(ClaimStep.init(rawValue:)))
        case ("POST", 2):
            guard let step = ClaimStep(rawValue: parts[1]), step != .open else { return nil }
            return advance(parts[0], step: step, request: request, user: user, locale: locale)
        default:
            return nil
        }
    }

    func advance(_ rma: String, step: ClaimStep, request: HTTPRequest, user: String, locale: DocumentLocale) -> HTTPResponse {
        let form = ClaimStepForm(step).filled(from: request)
        let section = form.section()
        var errors = form.ownProblems(pages: pages, locale: locale)
        var unplaced: [String] = []
        if errors.isEmpty {
            do throws(JournalError) {
                _ = try desk.advanceClaim(rma, step: step, data: section.data)
                return .redirect(to: "/staff/claims/\(Self.pathPart(rma))?lang=\(locale.rawValue)&done=\(step.rawValue)")
            } catch .document(.validation(let error)) {
                (errors, unplaced) = form.place(error.problems, fieldsByPath: section.fieldsByPath, pages: pages, locale: locale)
            } catch .input(let path, let reason) {
                (errors, unplaced) = form.place([ValidationProblem(path: path, reason: reason)], fieldsByPath: section.fieldsByPath,
                                                pages: pages, locale: locale)
            } catch .notFound {
                return pages.message("not_found_title", "not_found_text", locale: locale, status: 404, back: "/staff")
            } catch .transitionRefused(_, let state, _) {
                return claimPage(rma, user: user, locale: locale, refused: (step, state), status: 409)
            } catch {
                return .text("500 the step could not be recorded: \(error.description)\n", status: 500)
            }
        }
        return claimPage(rma, user: user, locale: locale, form: form, errors: errors, unplaced: unplaced, status: 400)
    }

    func claimPage(_ rma: String, user: String, locale: DocumentLocale, form: ClaimStepForm? = nil,
                   errors: [String: String] = [:], unplaced: [String] = [], done: ClaimStep? = nil,
                   refused: (step: ClaimStep, state: ClaimState)? = nil, status: Int = 200) -> HTTPResponse {
        guard let claim = try? desk.claim(rma, asOf: today()) else {
            return pages.message("not_found_title", "not_found_text", locale: locale, status: 404, back: "/staff")
        }
        let object = (try? JSONSerialization.jsonObject(with: claim.data)) as? [String: Any] ?? [:]
        let details = object["claim"] as? [String: Any] ?? [:]
        let product = details["product"] as? [String: Any] ?? [:], customer = details["customer"] as? [String: Any] ?? [:]
        let documentsByNumber = Dictionary(claim.documents.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        var data: [String: TemplateValue] = [
            "user": .string(user), "csrf": .string(csrfToken.issue(at: clock(), binding: user)),
            "rma": .string(claim.rma), "state": .string(pages.text("state_\(claim.state.rawValue)", locale)),
            "received": .string(claim.received.isoString),
            "customer": .string(customer["name"] as? String ?? customer["company"] as? String ?? ""),
            "product": .string([product["model"], product["serial"]].compactMap { $0 as? String }.joined(separator: ", ")),
            "failure": .string(details["failure"] as? String ?? ""),
            "diagnosis_due": .string(claim.due.diagnosis.isoString), "diagnosis_late": .bool(claim.due.diagnosisLate),
            "repair_due": .string(claim.due.repair?.isoString ?? "—"), "repair_late": .bool(claim.due.repairLate),
            "history": .list(claim.history.map { event in
                var item: [String: TemplateValue] = ["state": .string(pages.text("state_\(event.state.rawValue)", locale)),
                                                     "date": .string(event.date.isoString)]
                if let number = event.documentNumber { item["document"] = documentLink(number, locale: locale) }
                return .map(item)
            }),
            "documents": .list(claim.documents.map { documentLink($0.number, kind: $0.kind, date: $0.date, locale: locale) }),
        ]
        if let done, let last = claim.history.last {
            var banner: [String: TemplateValue] = ["state": .string(pages.text("state_\(done.resultingState.rawValue)", locale))]
            if let number = last.documentNumber, documentsByNumber[number] != nil { banner["document"] = documentLink(number, locale: locale) }
            data["done"] = .map(banner)
        }
        if let refused {
            data["refused"] = .string(pages.text("step_refused", locale)
                .replacingOccurrences(of: "{step}", with: pages.text("step_\(refused.step.rawValue)", locale))
                .replacingOccurrences(of: "{state}", with: pages.text("state_\(refused.state.rawValue)", locale)))
        }
        if let next = form ?? ClaimStepForm(after: claim.state) {
            let summary: [TemplateValue] = next.fields.compactMap { field in
                errors[field.id].map { .map(["field": .string(field.id), "label": .string(pages.text(field.label, locale)), "message": .string($0)]) }
            } + unplaced.map { .map(["field": "date", "label": .string(pages.text("invalid", locale)), "message": .string($0)]) }
            let isDecision = next.step == .approve || next.step == .decline
            data["step"] = .map([
                "title": .string(pages.text(isDecision ? "step_decision" : "step_\(next.step.rawValue)", locale)),
                "action": .string("/staff/claims/\(Self.pathPart(claim.rma))/\(isDecision ? "approve" : next.step.rawValue)?lang=\(locale.rawValue)"),
                "decision": .bool(isDecision),
                "decline_action": .string("/staff/claims/\(Self.pathPart(claim.rma))/decline?lang=\(locale.rawValue)"),
                "submit": .string(pages.text("submit_\(isDecision ? "approve" : next.step.rawValue)", locale)),
                "groups": .list(next.pageData(errors: errors, pages: pages, locale: locale,
                                               clauseTexts: renderer.clauseTexts(locale))),
                "has_errors": .bool(!summary.isEmpty), "errors": .list(summary),
            ])
        }
        return pages.page("staff-claim", data, locale: locale, path: "/staff/claims/\(Self.pathPart(claim.rma))", status: status)
    }

    /// A link to a document of the journal, for the staff.
    func documentLink(_ number: String, kind: DocumentKind? = nil, date: CalendarDate? = nil, locale: DocumentLocale) -> TemplateValue {
        var item: [String: TemplateValue] = ["number": .string(number), "href": .string("/staff/documents/\(Self.pathPart(number)).pdf")]
        if let kind { item["kind"] = .string(pages.text("kind_\(kind.rawValue)", locale)) }
        if let date { item["date"] = .string(date.isoString) }
        return .map(item)
    }

    /// A number as it goes in a link's path (`РХ-2025-0001` percent-encoded, `/` kept).
    static func pathPart(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? text
    }
}

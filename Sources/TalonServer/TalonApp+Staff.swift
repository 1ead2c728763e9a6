import Foundation
import Mustache
import TalonDocuments
import TalonJournal
import TalonPrimitives
import Warranty

/// The staff pages behind a login: issue a warranty card at the counter and see the
/// claims with their due dates. Sessions are signed cookies (no session table: any
/// instance on the journal accepts them); every form carries a CSRF token bound to its user.
extension TalonApp {
    static let sessionCookie = "talon_staff"
    static let sessionSeconds: Int64 = 8 * 3600

    func staff(_ request: HTTPRequest) -> HTTPResponse {
        let locale = pages.locale(of: request)
        switch (request.method, request.path) {
        case ("GET", "/staff/login"):
            return loginPage(locale: locale, failed: false)
        case ("POST", "/staff/login"):
            return logIn(request, locale: locale)
        default:
            break
        }
        guard let user = sessionUser(request) else { return .redirect(to: "/staff/login") }
        if request.method == "POST" {
            guard let csrf = request.formValue("csrf"), csrfToken.verify(csrf, at: clock(), maxAge: Self.sessionSeconds, binding: user) else {
                return pages.message("forbidden_title", "forbidden_text", locale: locale, status: 403, back: "/staff")
            }
        }
        switch (request.method, request.path) {
        case ("GET", "/staff"):
            return staffPage(user: user, form: WebForm(WebForm.card, HTTPRequest(method: "GET", path: "/staff")),
                             errors: [:], issued: nil, locale: locale)
        case ("POST", "/staff/logout"):
            return HTTPResponse(status: 303, headers: [
                ("Location", "/staff/login"), ("Set-Cookie", cookie("", request: request, maxAge: 0)),
            ])
        case ("POST", "/staff/cards"):
            return issueCard(request, user: user, locale: locale)
        case ("POST", "/staff/cards/preview"):
            return previewCard(request, user: user, locale: locale)
        case ("GET", _) where request.path.hasPrefix("/staff/documents/") && request.path.hasSuffix(".pdf"):
            let number = String(request.path.dropFirst("/staff/documents/".count).dropLast(".pdf".count))
            guard let issued = try? desk.reprint(number: number) else {
                return pages.message("not_found_title", "not_found_text", locale: locale, status: 404, back: "/staff")
            }
            let fileName = number.replacingOccurrences(of: "/", with: "-")
            return HTTPResponse(status: 200, headers: [
                ("Content-Type", "application/pdf"), ("Content-Disposition", "inline; filename=\"\(fileName).pdf\""),
            ], body: issued.bytes)
        case (_, _) where request.path.hasPrefix("/staff/claims/"):
            return claimRoute(request, user: user, locale: locale)
                ?? pages.message("not_found_title", "not_found_text", locale: locale, status: 404, back: "/staff")
        default:
            return pages.message("not_found_title", "not_found_text", locale: locale, status: 404, back: "/staff")
        }
    }

    /// The signed-in user from the session cookie, if it is genuine and fresh.
    func sessionUser(_ request: HTTPRequest) -> String? {
        guard let value = request.cookie(Self.sessionCookie), let bar = value.firstIndex(of: "|") else { return nil }
        let user = String(value[..<bar]), token = String(value[value.index(after: bar)...])
        return sessionToken.verify(token, at: clock(), maxAge: Self.sessionSeconds, binding: user) ? user : nil
    }

    /// The session cookie: HttpOnly, SameSite=Strict, for /staff only; Secure behind TLS.
    func cookie(_ value: String, request: HTTPRequest, maxAge: Int64) -> String {
        var text = "\(Self.sessionCookie)=\(value); Path=/staff; Max-Age=\(maxAge); HttpOnly; SameSite=Strict"
        if request.header("x-forwarded-proto")?.lowercased() == "https" { text += "; Secure" }
        return text
    }

    func loginPage(locale: DocumentLocale, failed: Bool) -> HTTPResponse {
        pages.page("staff-login", ["csrf": .string(csrfToken.issue(at: clock(), binding: "login")), "failed": .bool(failed)],
                   locale: locale, path: "/staff/login", status: failed ? 401 : 200)
    }

    func logIn(_ request: HTTPRequest, locale: DocumentLocale) -> HTTPResponse {
        let now = clock()
        guard let csrf = request.formValue("csrf"), csrfToken.verify(csrf, at: now, maxAge: 3600, binding: "login") else {
            return pages.message("forbidden_title", "forbidden_text", locale: locale, status: 403, back: "/staff/login")
        }
        guard loginLimiter.allow(request.remoteAddress, at: now) else {
            var response = pages.message("too_many_title", "too_many_text", locale: locale, status: 429, back: "/staff/login")
            response.headers.append(("Retry-After", "600"))
            return response
        }
        guard let user = request.formValue("user"), !user.contains("|"), let password = request.formValue("password"),
              desk.checkPassword(user: user, password) else {
            return loginPage(locale: locale, failed: true)
        }
        let value = "\(user)|\(sessionToken.issue(at: now, binding: user))"
        return HTTPResponse(status: 303, headers: [
            ("Location", "/staff?lang=\(locale.rawValue)"), ("Set-Cookie", cookie(value, request: request, maxAge: Self.sessionSeconds)),
        ])
    }

    func issueCard(_ request: HTTPRequest, user: String, locale: DocumentLocale) -> HTTPResponse {
        let form = WebForm(WebForm.card, request)
        do throws(JournalError) {
            let issued = try desk.issueCard(cardData(form, locale: locale, number: "ГТ-0000-000000"))
            let number = issued.document.number
            return staffPage(user: user, form: WebForm(WebForm.card, HTTPRequest(method: "GET", path: "/staff")), errors: [:],
                             issued: ["number": .string(number), "href": .string("/staff/documents/\(number).pdf")], locale: locale)
        } catch .document(.validation(let error)) {
            return cardFormErrors(form, error.problems, user: user, locale: locale)
        } catch .document(.unprintable(let fields)) {
            return cardFormErrors(form, Self.unprintable(fields), user: user, locale: locale)
        } catch {
            return .text("500 the card could not be issued: \(error.description)\n", status: 500)
        }
    }

    /// The card as it would be issued, validated the same way, with the preview mark in
    /// place of a number: rendered only, never stored and taking no number from the series.
    func previewCard(_ request: HTTPRequest, user: String, locale: DocumentLocale) -> HTTPResponse {
        let form = WebForm(WebForm.card, request)
        let data = cardData(form, locale: locale, number: pages.text("card_preview_mark", locale))
        do throws(TalonError) {
            let document = try renderer.render(RenderRequest(template: .builtIn(.warrantyCard), data: data,
                                                             dataName: "$", locale: nil, format: .pdf))
            return HTTPResponse(status: 200, headers: [
                ("Content-Type", "application/pdf"), ("Content-Disposition", "inline; filename=\"card-preview.pdf\""),
            ], body: document.bytes)
        } catch .validation(let error) {
            return cardFormErrors(form, error.problems, user: user, locale: locale)
        } catch .unprintable(let fields) {
            return cardFormErrors(form, Self.unprintable(fields), user: user, locale: locale)
        } catch {
            return .text("500 the card could not be previewed: \(error.description)\n", status: 500)
        }
    }

    /// The card's JSON from the counter's form, with `number` as its card number.
    func cardData(_ form: WebForm, locale: DocumentLocale, number: String) -> Data {
        form.json([
            "locale": locale.rawValue, "card": ["number": number], "seller": configuration("seller"),
            "product": [String: Any](), "sale": [String: Any](),  // buyer: only when given
        ])
    }

    /// Text the card's fonts cannot print, as problems to place beside their fields.
    static func unprintable(_ fields: [(path: String, scalars: [Unicode.Scalar], font: String)]) -> [ValidationProblem] {
        fields.map { ValidationProblem(path: $0.path, reason: "the font \($0.font) cannot print \(String(String.UnicodeScalarView($0.scalars)))") }
    }

    /// The card form again with each problem beside its field (400).
    func cardFormErrors(_ form: WebForm, _ problems: [ValidationProblem], user: String, locale: DocumentLocale) -> HTTPResponse {
        let placed = form.place(problems, pages: pages, locale: locale)
        var errors = placed.errors
        if !placed.unplaced.isEmpty { errors["model"] = errors["model"] ?? placed.unplaced.joined(separator: "; ") }
        return staffPage(user: user, form: form, errors: errors, issued: nil, locale: locale, status: 400)
    }

    func staffPage(user: String, form: WebForm, errors: [String: String], issued: [String: TemplateValue]?,
                   locale: DocumentLocale, status: Int = 200) -> HTTPResponse {
        let claims = (try? desk.claims(asOf: today())) ?? []
        let summary: [TemplateValue] = form.fields.compactMap { field in
            errors[field.id].map { .map(["field": .string(field.id), "label": .string(pages.text(field.labelKey, locale)), "message": .string($0)]) }
        }
        var data: [String: TemplateValue] = [
            "user": .string(user), "csrf": .string(csrfToken.issue(at: clock(), binding: user)),
            "fields": .list(form.pageData(errors: errors, pages: pages, locale: locale)),
            "has_errors": .bool(!summary.isEmpty), "errors": .list(summary),
            "has_claims": .bool(!claims.isEmpty),
            "claims": .list(claims.map { claim in
                .map([
                    "rma": .string(claim.rma), "href": .string("/staff/claims/\(Self.pathPart(claim.rma))?lang=\(locale.rawValue)"),
                    "state": .string(pages.text("state_\(claim.state.rawValue)", locale)),
                    "received": .string(claim.received.isoString), "customer": .string(claim.customer),
                    "diagnosis_due": .string(claim.due.diagnosis.isoString), "diagnosis_late": .bool(claim.due.diagnosisLate),
                    "repair_due": .string(claim.due.repair?.isoString ?? "—"), "repair_late": .bool(claim.due.repairLate),
                    "next": .string(ClaimStep.allCases.filter { $0.allowedFrom.contains(claim.state) }
                        .map { pages.text("step_\($0.rawValue)", locale) }.joined(separator: " / ")),
                ])
            }),
        ]
        if let issued { data["issued"] = .map(issued) }
        return pages.page("staff", data, locale: locale, path: "/staff", status: status)
    }

    /// Today's date (UTC), for the late marks on the claim list (a page, not a document).
    func today() -> CalendarDate? {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: clock())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return try? CalendarDate(year: year, month: month, day: day)
    }
}

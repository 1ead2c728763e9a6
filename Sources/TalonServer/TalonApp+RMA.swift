import Foundation
import Mustache
import TalonDocuments
import Warranty

extension TalonApp {
    /// The form, with messages beside the fields and a summary above them.
    func rmaPage(_ form: WebForm, errors: [String: String], unplaced: [String], locale: DocumentLocale,
                 status: Int = 200) -> HTTPResponse {
        var summary: [TemplateValue] = form.fields.compactMap { field in
            errors[field.id].map { .map(["field": .string(field.id), "label": .string(pages.text(field.labelKey, locale)),
                                         "message": .string($0)]) }
        }
        if let files = errors["files"] {
            summary.append(.map(["field": "files", "label": .string(pages.text("files_label", locale)), "message": .string(files)]))
        }
        for message in unplaced {
            summary.append(.map(["field": "received", "label": .string(pages.text("invalid", locale)), "message": .string(message)]))
        }
        var data: [String: TemplateValue] = [
            "fields": .list(form.pageData(errors: errors, pages: pages, locale: locale)),
            "token": .string(formToken.issue(at: clock())),
            "has_errors": .bool(!summary.isEmpty), "errors": .list(summary),
        ]
        if let files = errors["files"] { data["files_error"] = .string(files) }
        return pages.page("rma", data, locale: locale, path: "/rma", status: status)
    }

    /// A submitted form: anti-robot checks, the schema's validation, then the journal.
    func submitRMA(_ request: HTTPRequest) -> HTTPResponse {
        let locale = pages.locale(of: request)
        let form = WebForm(WebForm.rma, request)
        let now = clock()
        // A robot fills the hidden field: it gets the same page as a person with an
        // expired form, so it learns nothing.
        let token = request.formValue("token") ?? ""
        if request.formValue("website") != nil || !formToken.verify(token, at: now, maxAge: 2 * 3600) {
            return rmaPage(form, errors: [:], unplaced: [pages.text("expired", locale)], locale: locale, status: 400)
        }
        var errors: [String: String] = [:]
        let files = request.files("files")
        var attachments: [ClaimAttachment] = []
        if files.count > WebForm.maxFiles {
            errors["files"] = pages.text("files_too_many", locale)
        } else if files.contains(where: { $0.data.count > WebForm.maxFileBytes }) {
            errors["files"] = pages.text("files_too_large", locale)
        } else if let wrong = files.first(where: { UploadKind(sniffing: $0.data) == nil }) {
            errors["files"] = "\(wrong.fileName ?? ""): \(pages.text("files_wrong_kind", locale))"
        } else {
            attachments = files.compactMap { file in
                UploadKind(sniffing: file.data).map {
                    ClaimAttachment(name: Self.safeFileName(file.fileName ?? "file"), kind: $0, bytes: file.data)
                }
            }
        }
        let makeData = { (paths: [String]) in
            var claim: [String: Any] = ["rma": "RMA-0000-00000", "customer": [String: Any](), "product": [String: Any]()]
            if !paths.isEmpty { claim["attachments"] = zip(attachments, paths).map { ["name": $0.name, "path": $1] } }
            return form.json(["locale": locale.rawValue, "service_center": self.configuration("service-center"), "claim": claim])
        }
        var unplaced: [String] = []
        do {
            _ = try DocumentKind.rma.decode(json: makeData([]))
        } catch {
            let placed = form.place(error.problems, pages: pages, locale: locale)
            errors.merge(placed.errors) { first, _ in first }
            unplaced = placed.unplaced
        }
        if !errors.isEmpty || !unplaced.isEmpty {
            return rmaPage(form, errors: errors, unplaced: unplaced, locale: locale, status: 400)
        }
        guard formLimiter.allow(request.remoteAddress, at: now) else {
            var response = pages.message("too_many_title", "too_many_text", locale: locale, status: 429, back: "/rma")
            response.headers.append(("Retry-After", "600"))
            return response
        }
        do {
            let number = try desk.openClaim(makeData, attachments: attachments).document.number
            let download = "/rma/\(number).pdf?key=\(downloadKey.issue(at: now, binding: number))"
            return pages.page("rma-done", [
                "number": .string(number), "download": .string(download),
                "notice": .bool(form.values["email"] != nil),
            ], locale: locale, path: "/rma")
        } catch .document(.layout) {
            // A file that looked like a photo but could not be drawn.
            return rmaPage(form, errors: ["files": pages.text("files_wrong_kind", locale)], unplaced: [],
                           locale: locale, status: 400)
        } catch {
            return .text("500 the claim could not be stored; please try again later\n", status: 500)
        }
    }

    /// The filled RMA form, for the one who submitted it (a signed link valid for a week).
    func downloadRMA(_ request: HTTPRequest) -> HTTPResponse {
        let number = String(request.path.dropFirst("/rma/".count).dropLast(".pdf".count))
        guard let key = request.query["key"],
              downloadKey.verify(key, at: clock(), maxAge: 7 * 24 * 3600, binding: number) else {
            return pages.message("not_found_title", "not_found_text", locale: pages.locale(of: request), status: 404, back: "/rma")
        }
        guard let pdf = try? desk.rmaForm(number: number) else {
            return pages.message("not_found_title", "not_found_text", locale: pages.locale(of: request), status: 404, back: "/rma")
        }
        return .download(pdf, contentType: "application/pdf", fileName: "\(number).pdf")
    }

    /// A JSON object from `Templates/web/<name>.json` (the service centre, the seller).
    func configuration(_ name: String) -> Any {
        configurations[name].flatMap { try? JSONSerialization.jsonObject(with: $0) } ?? [String: Any]()
    }

    /// A file name safe to print and store: its last path part, control characters removed.
    static func safeFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "file"
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
        return cleaned.isEmpty ? "file" : String(cleaned.prefix(200))
    }
}

import Foundation
import TalonDocuments
import TalonJournal
import TalonPrimitives
import Warranty

/// The API's journal routes: issue a card, open a claim, take it a step on, read it back,
/// and reprint any document by its number.
extension TalonApp {
    func journalRoute(_ route: [String], _ request: HTTPRequest) -> HTTPResponse {
        switch (request.method, route.count) {
        case ("POST", 1) where route[0] == "cards":
            return issue(request) { (data) throws(JournalError) in try desk.issueCard(data) }
        case ("POST", 1) where route[0] == "claims":
            return issue(request) { (data) throws(JournalError) in
                try Self.refuseAttachmentPaths(data)
                let opened = try desk.openClaim(data)
                guard let issued = opened.issued else { throw .store("no RMA form issued for \(opened.rma)") }
                return issued
            }
        case ("GET", 1) where route[0] == "claims":
            return journalAnswer { () throws(JournalError) in
                let claims = try desk.claims(asOf: try Self.asOf(request))
                return Self.jsonObject(["claims": claims.map(Self.summaryObject)])
            }
        case ("GET", 2) where route[0] == "claims":
            return journalAnswer { () throws(JournalError) in
                Self.jsonObject(Self.claimObject(try desk.claim(route[1], asOf: try Self.asOf(request))))
            }
        case ("POST", 3) where route[0] == "claims":
            guard let step = ClaimStep(rawValue: route[2]), step != .open else {
                return .apiProblem(status: 404, "unknown step '\(route[2])'; steps: diagnose, invoice, approve, decline, repair, return")
            }
            if !request.body.isEmpty, let problem = Self.requireJSON(request) { return problem }
            return journalAnswer { () throws(JournalError) in
                let result = try desk.advanceClaim(route[1], step: step, data: request.body.isEmpty ? nil : Data(request.body))
                guard let issued = result.issued else {
                    return Self.jsonObject(["rma": result.rma, "state": result.state.rawValue])
                }
                return Self.pdf(issued, status: 200, state: result.state)
            }
        case ("GET", 2) where route[0] == "documents":
            return journalAnswer { () throws(JournalError) in Self.pdf(try desk.reprint(number: route[1]), status: 200) }
        case (_, 1) where route[0] == "cards":
            return Self.notAllowed("POST")
        case (_, 1) where route[0] == "claims":
            return Self.notAllowed("GET, POST")
        case (_, 2) where route[0] == "claims" || route[0] == "documents":
            return Self.notAllowed("GET")
        case (_, 3) where route[0] == "claims":
            return Self.notAllowed("POST")
        default:
            return .apiProblem(status: 404, "no such API route")
        }
    }

    /// A document made from the JSON body: 201 with the PDF and its number.
    private func issue(_ request: HTTPRequest, _ body: (Data) throws(JournalError) -> IssuedPDF) -> HTTPResponse {
        if let problem = Self.requireJSON(request) { return problem }
        return journalAnswer { () throws(JournalError) in Self.pdf(try body(Data(request.body)), status: 201) }
    }

    private func journalAnswer(_ body: () throws(JournalError) -> HTTPResponse) -> HTTPResponse {
        do {
            return try body()
        } catch {
            return Self.problem(for: error)
        }
    }

    static func pdf(_ issued: IssuedPDF, status: Int, state: ClaimState? = nil) -> HTTPResponse {
        var headers = [("Content-Type", "application/pdf"), ("Document-Number", issued.document.number),
                       ("Location", "/api/v1/documents/\(issued.document.number)")]
        if let state { headers.append(("Claim-State", state.rawValue)) }
        return HTTPResponse(status: status, headers: headers, body: issued.bytes)
    }

    /// A journal error as the API reports it.
    static func problem(for error: JournalError) -> HTTPResponse {
        switch error {
        case .document(let error): return problem(for: error)
        case .input(let path, let reason): return .apiProblem(status: 400, "invalid data", problems: [Problem(path: path, message: reason)])
        case .notFound: return .apiProblem(status: 404, error.description.replacingOccurrences(of: "error: ", with: ""))
        case .transitionRefused: return .apiProblem(status: 409, error.description.replacingOccurrences(of: "error: ", with: ""))
        case .corrupt, .newerSchema, .store, .reprintDiffers: return .apiProblem(status: 500, "the journal could not do this")
        }
    }

    /// Files are handed in through the RMA form; over the API a claim names its
    /// attachments only (a path would be read on the server).
    static func refuseAttachmentPaths(_ data: Data) throws(JournalError) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let claim = object["claim"] as? [String: Any],
              let attachments = claim["attachments"] as? [[String: Any]] else { return }
        if let index = attachments.firstIndex(where: { $0["path"] != nil }) {
            throw .input(path: "$.claim.attachments[\(index)].path", reason: "not accepted over the API (name the file only)")
        }
    }

    /// `?as_of=YYYY-MM-DD`: the day late marks are judged on (default: none).
    static func asOf(_ request: HTTPRequest) throws(JournalError) -> CalendarDate? {
        guard let text = request.query["as_of"] else { return nil }
        guard let date = CalendarDate(text) else { throw .input(path: "as_of", reason: "not a date (expected YYYY-MM-DD)") }
        return date
    }

    static func dueObject(_ due: ClaimDueDates) -> [String: Any] {
        var object: [String: Any] = ["diagnosis": due.diagnosis.isoString, "diagnosis_late": due.diagnosisLate,
                                     "repair_late": due.repairLate]
        if let repair = due.repair { object["repair"] = repair.isoString }
        return object
    }

    static func summaryObject(_ claim: ClaimSummary) -> [String: Any] {
        ["rma": claim.rma, "state": claim.state.rawValue, "received": claim.received.isoString,
         "customer": claim.customer, "due": dueObject(claim.due)]
    }

    static func claimObject(_ claim: ClaimRecord) -> [String: Any] {
        [
            "rma": claim.rma, "state": claim.state.rawValue, "received": claim.received.isoString,
            "locale": claim.locale.rawValue, "due": dueObject(claim.due),
            "history": claim.history.map { event -> [String: Any] in
                var item: [String: Any] = ["state": event.state.rawValue, "date": event.date.isoString]
                if let document = event.documentNumber { item["document"] = document }
                return item
            },
            "documents": claim.documents.map { ["number": $0.number, "kind": $0.kind.rawValue, "date": $0.date.isoString] },
            "data": (try? JSONSerialization.jsonObject(with: claim.data)) ?? [:],
        ]
    }
}

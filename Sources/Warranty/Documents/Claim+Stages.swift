/// Reading the stages after intake, each checked against the one before it.
extension Claim {
    mutating func readStages(_ object: JSONCursor) {
        diagnosis = readDiagnosis(object["diagnosis"])
        let invoiceCursor = object["invoice"]
        if !invoiceCursor.isMissing && object["diagnosis"].isMissing {
            invoiceCursor.report("an invoice needs a diagnosis ($.claim.diagnosis)")
        }
        invoice = readInvoice(invoiceCursor)
        if let invoice, let diagnosis, invoice.date < diagnosis.date {
            invoiceCursor["date"].report("before the diagnosis (\(diagnosis.date))")
        }
        approval = readApproval(object["approval"])
        if let approval, let invoice, approval.date < invoice.date {
            object["approval"]["date"].report("before the invoice (\(invoice.date))")
        }
        if !object["approval"].isMissing && invoiceCursor.isMissing {
            object["approval"].report("an approval needs an invoice ($.claim.invoice)")
        }
        checkDueDatesCanBeCounted(object)
        repair = readRepair(object["repair"])
        if let repair {
            switch approval?.decision {
            case nil: object["repair"].report("a repair needs an approved invoice ($.claim.approval)")
            case .declined?: object["repair"].report("the invoice was declined")
            case .approved?:
                if let approval, repair.completed < approval.date {
                    object["repair"]["completed"].report("before the approval (\(approval.date))")
                }
            }
        }
        returnInfo = readReturn(object["return"])
        if let returnInfo {
            if repair == nil && approval?.decision != .declined && object["repair"].isMissing {
                object["return"].report("a return needs a repair ($.claim.repair) or a declined approval")
            }
            let since = repair?.completed ?? approval?.date ?? received
            if returnInfo.date < since {
                object["return"]["date"].report("before \(since)")
            }
        }
    }

    /// The repair due date and estimate are counted with the calendar; a calendar that
    /// does not cover those days is a problem here, so the computed properties never fail.
    func checkDueDatesCanBeCounted(_ object: JSONCursor) {
        guard let diagnosis else { return }
        do {
            switch diagnosis.repairEstimate {
            case .standardComponents:
                if let approval, approval.decision == .approved {
                    _ = try calendar.addingBusinessDays(Claim.standardRepairBusinessDays, to: approval.date)
                }
            case .technicianDate(let due):
                _ = try calendar.businessDays(after: diagnosis.date, through: due)
            }
        } catch {
            let at = diagnosis.repairEstimate == .standardComponents ? object["approval"]["date"] : object["diagnosis"]["repair"]["due"]
            at.report(error.description)
        }
    }

    func readDiagnosis(_ cursor: JSONCursor) -> Diagnosis? {
        let keys = ["date", "technician", "findings", "cause", "clauses", "repair", "estimated_cost"]
        guard let object = cursor.object(required: false, keys: keys) else { return nil }
        let date = object["date"].date(required: true)
        if let date, date < received { object["date"].report("before the device was received (\(received))") }
        let technician = object["technician"].string(required: false, maxLength: 200)
        let findings = object["findings"].string(required: true, maxLength: 4000)
        let cause = object["cause"].string(required: false, maxLength: 4000)
        var clauses: [ExclusionClause] = []
        let citations = object["clauses"].array(required: false) ?? []
        if citations.count > policy.exclusions.count {
            object["clauses"].report("more than \(policy.exclusions.count) clauses (each may be cited once)")
        }
        for item in citations.prefix(policy.exclusions.count) {
            guard let number = item.integer(required: true, in: Int.min...Int.max) else { continue }
            guard let clause = policy.clause(number) else {
                item.report("unknown exclusion clause \(number) (known: 1–\(policy.exclusions.count))")
                continue
            }
            if clauses.contains(clause) { item.report("clause \(number) cited twice") } else { clauses.append(clause) }
        }
        var estimate = Diagnosis.RepairEstimate.standardComponents
        if let repair = object["repair"].object(required: false, keys: ["standard_components", "due"]) {
            let standard = repair["standard_components"].bool(default: true)
            let due = repair["due"].date(required: !standard)
            if standard && !repair["due"].isMissing {
                repair["due"].report("only for non-standard components (standard repairs take \(Claim.standardRepairBusinessDays) business days)")
            }
            if let due, let date, due < date { repair["due"].report("before the diagnosis (\(date))") }
            if !standard, let due { estimate = .technicianDate(due) }
        }
        var cost: Money?
        if let amount = object["estimated_cost"].decimal(required: false) {
            cost = readMoney(amount, at: object["estimated_cost"])
        }
        guard let date, let findings else { return nil }
        return Diagnosis(date: date, technician: technician, findings: findings, cause: cause, clauses: clauses,
                         repairEstimate: estimate, estimatedCost: cost, due: diagnosisDue)
    }

    /// A non-negative amount in the claim currency with at most the minor digits.
    func readMoney(_ amount: DecimalNumber, at cursor: JSONCursor) -> Money? {
        guard !amount.isNegative else {
            cursor.report("must not be negative")
            return nil
        }
        guard amount.scale <= currency.minorDigits, let minor = try? amount.rounded(toScale: currency.minorDigits) else {
            cursor.report("at most \(currency.minorDigits) decimal places")
            return nil
        }
        return Money(minorUnits: minor, currency: currency)
    }

    func readApproval(_ cursor: JSONCursor) -> Approval? {
        guard let object = cursor.object(required: false, keys: ["decision", "date", "by"]) else { return nil }
        let decision = object["decision"].choice(required: true, of: Approval.Decision.allCases.map(\.rawValue))
        let date = object["date"].date(required: true)
        let by = object["by"].string(required: false, maxLength: 200)
        guard let decision = decision.flatMap(Approval.Decision.init(rawValue:)), let date else { return nil }
        return Approval(decision: decision, date: date, by: by)
    }

    func readRepair(_ cursor: JSONCursor) -> RepairWork? {
        let keys = ["work_done", "parts_replaced", "completed", "technician"]
        guard let object = cursor.object(required: false, keys: keys) else { return nil }
        let work = object["work_done"].string(required: true, maxLength: 4000)
        let completed = object["completed"].date(required: true)
        let technician = object["technician"].string(required: false, maxLength: 200)
        let partItems = object["parts_replaced"].array(required: false) ?? []
        if partItems.count > Invoice.maximumLines { object["parts_replaced"].report("more than \(Invoice.maximumLines) parts") }
        let parts = partItems.prefix(Invoice.maximumLines).compactMap { item -> RepairWork.Part? in
            guard let part = item.object(required: true, keys: ["name", "part_number", "quantity"]) else { return nil }
            let name = part["name"].string(required: true, maxLength: 300)
            let number = part["part_number"].string(required: false, maxLength: 100)
            let quantity = part["quantity"].integer(required: false, in: 1...10_000) ?? 1
            return name.map { RepairWork.Part(name: $0, partNumber: number, quantity: quantity) }
        }
        guard let work, let completed else { return nil }
        return RepairWork(workDone: work, partsReplaced: parts, completed: completed, technician: technician)
    }

    func readReturn(_ cursor: JSONCursor) -> ReturnInfo? {
        guard let object = cursor.object(required: false, keys: ["date", "method", "tracking"]) else { return nil }
        let date = object["date"].date(required: true)
        let method = object["method"].choice(required: true, of: ReturnInfo.Method.allCases.map(\.rawValue))
        let tracking = object["tracking"].string(required: false, maxLength: 100)
        guard let date, let method = method.flatMap(ReturnInfo.Method.init(rawValue:)) else { return nil }
        return ReturnInfo(date: date, method: method, tracking: tracking)
    }
}

import TalonPrimitives

/// Reading the shared `claim` object (see `ServiceDocument` for the whole input).
extension Claim {
    static let keys = [
        "rma", "received", "customer", "product", "sale", "equipment_set", "failure", "attachments",
        "previous_repairs", "currency", "intake", "diagnosis", "invoice", "approval", "repair", "return",
    ]

    /// Reads and cross-checks a claim; nil after reporting problems.
    static func read(_ cursor: JSONCursor, calendar: BusinessCalendar) -> Claim? {
        guard let object = cursor.object(required: true, keys: keys) else { return nil }
        let rma = object["rma"].barcodeText(required: true, maxLength: Claim.maximumRMALength)
        let received = object["received"].date(required: true)
        let customer = Party.read(object["customer"], required: true, requiring: ["name"])
        let product = Product.read(object["product"])
        let sale = readSale(object["sale"])
        if let saleDate = sale?.date, let received, saleDate > received {
            object["sale"]["date"].report("after the date received (\(received))")
        }
        let equipmentSet = object["equipment_set"].string(required: true, maxLength: 2000)
        let failure = object["failure"].string(required: true, maxLength: 4000)
        let attachments = readAttachments(object["attachments"])
        let intake = Intake.read(object["intake"])
        var currency = Currency.uah
        if let code = object["currency"].choice(required: false, of: Currency.known.map(\.code)) {
            currency = Currency.withCode(code) ?? .uah
        }
        let months = product?.warrantyMonths ?? WarrantyPolicy.defaultMonths
        let policy = WarrantyPolicy(months: months)
        let previous = readPreviousRepairs(object["previous_repairs"], before: received, saleDate: sale?.date, policy: policy)
        var diagnosisDue: CalendarDate?
        if let received {
            do {
                diagnosisDue = try calendar.addingBusinessDays(Claim.diagnosisBusinessDays, to: received)
            } catch {
                object["received"].report(error.description)
            }
        }
        guard let rma, let received, let customer, let product, let equipmentSet, let failure,
            let diagnosisDue
        else { return nil }
        var claim = Claim(
            rma: rma, received: received, customer: customer, product: product, sale: sale,
            equipmentSet: equipmentSet, failure: failure, attachments: attachments, intake: intake,
            previousRepairs: previous, currency: currency, diagnosis: nil, invoice: nil, approval: nil,
            repair: nil, returnInfo: nil, policy: policy, calendar: calendar, diagnosisDue: diagnosisDue)
        claim.readStages(object)
        return claim
    }

    static func readSale(_ cursor: JSONCursor) -> Sale? {
        guard let object = cursor.object(required: false, keys: ["date", "card_number", "seller"]) else { return nil }
        let sale = Sale(
            date: object["date"].date(required: false),
            cardNumber: object["card_number"].string(required: false, maxLength: 60),
            seller: object["seller"].string(required: false, maxLength: 200))
        if sale.date == nil && sale.cardNumber == nil && object["date"].isMissing && object["card_number"].isMissing {
            object.report("give date or card_number (or leave sale out)")
        }
        return sale
    }

    /// Earlier repairs: each returned on or after it was received, before this claim,
    /// and not overlapping another.
    /// The most earlier repairs one claim may list.
    public static let maximumPreviousRepairs = 50

    /// Earlier warranty repairs: each returned before this claim was received, none
    /// overlapping, and each received while the device was in warranty (on or after the sale,
    /// on or before the end of the warranty as the repairs before it extended it).
    static func readPreviousRepairs(_ cursor: JSONCursor, before received: CalendarDate?, saleDate: CalendarDate?,
                                    policy: WarrantyPolicy) -> [RepairPeriod] {
        var periods: [(period: RepairPeriod, cursor: JSONCursor)] = []
        let items = cursor.array(required: false) ?? []
        if items.count > maximumPreviousRepairs { cursor.report("more than \(maximumPreviousRepairs) earlier repairs") }
        for item in items.prefix(maximumPreviousRepairs) {
            guard let object = item.object(required: true, keys: ["rma", "received", "returned"]) else { continue }
            let rma = object["rma"].string(required: false, maxLength: 60)
            let start = object["received"].date(required: true)
            let end = object["returned"].date(required: true)
            guard let start, let end else { continue }
            guard let period = try? RepairPeriod(received: start, returned: end, rma: rma) else {
                object["returned"].report("before received (\(start))")
                continue
            }
            if let received, end >= received {
                object["returned"].report("must be before this claim was received (\(received))")
                continue
            }
            if let other = periods.first(where: { $0.period.overlaps(period) }) {
                item.report("overlaps the repair \(other.period.received)…\(other.period.returned)")
                continue
            }
            periods.append((period, object))
        }
        guard let saleDate else { return periods.map(\.period) }
        var accepted: [RepairPeriod] = []
        for (period, object) in periods.sorted(by: { $0.period.received < $1.period.received }) {
            if period.received < saleDate {
                object["received"].report("before the sale (\(saleDate))")
                continue
            }
            let end = policy.validUntil(saleDate: saleDate, repairs: accepted)
            if period.received > end {
                object["received"].report("after the warranty ended (\(end))")
                continue
            }
            accepted.append(period)
        }
        return accepted
    }
}

extension Claim {
    /// The longest RMA number: its Code 128 barcode must fit beside the RMA form's title.
    public static let maximumRMALength = 16

    /// The most files one claim may list.
    public static let maximumAttachments = 20

    static func readAttachments(_ cursor: JSONCursor) -> [Attachment] {
        let items = cursor.array(required: false) ?? []
        if items.count > maximumAttachments { cursor.report("more than \(maximumAttachments) attachments") }
        return items.prefix(maximumAttachments).compactMap { item -> Attachment? in
            guard let file = item.object(required: true, keys: ["name", "path"]) else { return nil }
            let name = file["name"].string(required: true, maxLength: 200)
            var path = file["path"].string(required: false, maxLength: 1000)
            if let text = path, let problem = Attachment.pathProblem(text) {
                file["path"].report(problem)
                path = nil
            }
            return name.map { Attachment(name: $0, path: path) }
        }
    }
}

extension Attachment {
    /// Why a path cannot name a file in the attachments folder, or nil when it can: it must
    /// be relative and must not step up with `..`.
    public static func pathProblem(_ path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") { return "must be a relative path inside the attachments folder" }
        if path.split(separator: "/").contains("..") { return "must not leave the attachments folder ('..')" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "must not contain control characters"
        }
        return nil
    }
}

/// Reading the shared `claim` object (see `ServiceDocument` for the whole input).
extension Claim {
    static let keys = [
        "rma", "received", "customer", "product", "sale", "equipment_set", "failure", "attachments",
        "previous_repairs", "currency", "intake", "diagnosis", "invoice", "approval", "repair", "return",
    ]

    /// Reads and cross-checks a claim; nil after reporting problems.
    static func read(_ cursor: JSONCursor, calendar: BusinessCalendar, locale: DocumentLocale) -> Claim? {
        guard let object = cursor.object(required: true, keys: keys) else { return nil }
        let rma = object["rma"].string(required: true, maxLength: 60)
        let received = object["received"].date(required: true)
        let customer = Party.read(object["customer"], required: true, requiring: ["name"])
        let product = Product.read(object["product"])
        let sale = readSale(object["sale"])
        if let saleDate = sale?.date, let received, saleDate > received {
            object["sale"]["date"].report("after the date received (\(received))")
        }
        let equipmentSet = object["equipment_set"].string(required: true, maxLength: 2000)
        let failure = object["failure"].string(required: true, maxLength: 4000)
        let attachments = (object["attachments"].array(required: false) ?? []).compactMap { item -> Attachment? in
            guard let file = item.object(required: true, keys: ["name", "path"]) else { return nil }
            let name = file["name"].string(required: true, maxLength: 200)
            let path = file["path"].string(required: false, maxLength: 1000)
            return name.map { Attachment(name: $0, path: path) }
        }
        let intake = Intake.read(object["intake"])
        let previous = readPreviousRepairs(object["previous_repairs"], before: received)
        var currency = Currency.uah
        if let code = object["currency"].choice(required: false, of: Currency.known.map(\.code)) {
            currency = Currency.withCode(code) ?? .uah
        }
        let months = product?.warrantyMonths ?? WarrantyPolicy.defaultMonths
        let policy = WarrantyPolicy(months: months)
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
        claim.readStages(object, locale: locale)
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
    static func readPreviousRepairs(_ cursor: JSONCursor, before received: CalendarDate?) -> [RepairPeriod] {
        var periods: [RepairPeriod] = []
        for item in cursor.array(required: false) ?? [] {
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
            if let other = periods.first(where: { $0.overlaps(period) }) {
                item.report("overlaps the repair \(other.received)…\(other.returned)")
                continue
            }
            periods.append(period)
        }
        return periods
    }
}

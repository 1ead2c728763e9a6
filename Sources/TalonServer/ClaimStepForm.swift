import Foundation
import Mustache
import TalonJournal
import Warranty

/// The staff form for a claim's next step. Its fields are tied to the JSON paths of the
/// step's section (`claim.diagnosis`, `claim.invoice`, …), so the section it builds goes
/// to the journal exactly as `talon claim <step> <rma> <section.json>` sends it, and the
/// journal's validation problems land beside the fields they name.
struct ClaimStepForm {
    struct Field {
        enum Kind: Equatable {
            case text, date, textarea, integer
            /// One of the values (a radio group); labels are `<id>_<value>` in the strings.
            case choice([String])
            /// The exclusion clauses, as check boxes.
            case clauses
        }
        /// The form field's name (`lines-2-quantity` in a row).
        var id: String
        /// The strings key of its label.
        var label: String
        /// Where its value goes in the section (`lines[#].quantity`); nil for a field the
        /// form alone checks (a diagnosis's coverage).
        var path: String?
        var kind: Kind = .text
        var required = false
    }

    /// Fields shown together: the step's own, or one row of a list (invoice lines, parts).
    struct Group {
        var row: Int?
        var fields: [Field]
    }

    let step: ClaimStep
    let groups: [Group]
    /// The submitted values by field id (trimmed; blank ones left out); clauses by number.
    var values: [String: String] = [:]
    var clauses: Set<Int> = []

    /// The form for the step that follows `state` (approve and decline share one form).
    init?(after state: ClaimState) {
        guard let step = ClaimStep.allCases.first(where: { $0.allowedFrom.contains(state) }) else { return nil }
        self.init(step)
    }

    init(_ step: ClaimStep) {
        self.step = step
        switch step {
        case .open, .diagnose:
            groups = [Group(fields: [
                Field(id: "date", label: "step_date", path: "date", kind: .date, required: true),
                Field(id: "technician", label: "technician", path: "technician"),
                Field(id: "findings", label: "findings", path: "findings", kind: .textarea, required: true),
                Field(id: "cause", label: "cause", path: "cause", kind: .textarea),
                Field(id: "coverage", label: "coverage", kind: .choice(["covered", "not_covered"]), required: true),
                Field(id: "clauses", label: "clauses", path: "clauses", kind: .clauses),
                Field(id: "estimate", label: "estimate", path: "repair.standard_components", kind: .choice(["standard", "date"])),
                Field(id: "due", label: "repair_due_date", path: "repair.due", kind: .date),
                Field(id: "estimated_cost", label: "estimated_cost", path: "estimated_cost"),
            ])]
        case .invoice:
            groups = [Group(fields: [
                Field(id: "date", label: "step_date", path: "date", kind: .date, required: true),
                Field(id: "vat_rate", label: "vat_rate", path: "vat_rate"),
            ])] + Self.rows(4, list: "lines", [
                ("description", "line_description", Field.Kind.text), ("kind", "line_kind", .choice(["work", "part"])),
                ("quantity", "line_quantity", .text), ("unit", "line_unit", .text), ("unit_price", "line_unit_price", .text),
            ])
        case .approve, .decline:
            groups = [Group(fields: [
                Field(id: "date", label: "step_date", path: "date", kind: .date, required: true),
                Field(id: "by", label: "decided_by", path: "by"),
            ])]
        case .repair:
            groups = [Group(fields: [
                Field(id: "work_done", label: "work_done", path: "work_done", kind: .textarea, required: true),
                Field(id: "completed", label: "completed", path: "completed", kind: .date, required: true),
                Field(id: "technician", label: "technician", path: "technician"),
            ])] + Self.rows(3, list: "parts_replaced", [
                ("name", "part_name", Field.Kind.text), ("part_number", "part_number", .text), ("quantity", "part_quantity", .integer),
            ])
        case .return:
            groups = [Group(fields: [
                Field(id: "date", label: "step_date", path: "date", kind: .date, required: true),
                Field(id: "method", label: "return_method", path: "method", kind: .choice(["pickup", "courier", "post"]), required: true),
                Field(id: "tracking", label: "tracking", path: "tracking"),
            ])]
        }
    }

    private static func rows(_ count: Int, list: String, _ columns: [(String, String, Field.Kind)]) -> [Group] {
        (1...count).map { row in
            Group(row: row, fields: columns.map { key, label, kind in
                Field(id: "\(list)-\(row)-\(key)", label: label, path: "\(list)[#].\(key)", kind: kind)
            })
        }
    }

    var fields: [Field] { groups.flatMap(\.fields) }

    /// The form with the values a request sent.
    func filled(from request: HTTPRequest) -> ClaimStepForm {
        var form = self
        for field in fields { form.values[field.id] = request.formValue(field.id) }
        form.clauses = Set(request.form.filter { $0.name == "clauses" && $0.fileName == nil }
            .compactMap { Int(String(decoding: $0.data, as: UTF8.self)) })
        return form
    }

    /// The key under `claim` that the step fills.
    var sectionKey: String {
        switch step {
        case .open, .diagnose: "diagnosis"
        case .invoice: "invoice"
        case .approve, .decline: "approval"
        case .repair: "repair"
        case .return: "return"
        }
    }

    /// The section's JSON, and which field each of its paths (`$.claim.invoice.lines[0]`,
    /// `$.claim.invoice.lines[0].quantity`) is shown beside. Blank rows are left out.
    func section() -> (data: Data, fieldsByPath: [String: String]) {
        let root = "$.claim.\(sectionKey)"
        var object: Any = [String: Any]()
        var fieldsByPath: [String: String] = [:]
        var rowCounts: [String: Int] = [:]
        for group in groups {
            let list = group.row == nil ? nil : group.fields.first?.path?.split(separator: "[").first.map(String.init)
            if let list, let first = group.fields.first { fieldsByPath["\(root).\(list)"] = fieldsByPath["\(root).\(list)"] ?? first.id }
            if list != nil && !group.fields.contains(where: { values[$0.id] != nil }) { continue }
            let index = list.map { rowCounts[$0, default: 0] } ?? 0
            for field in group.fields {
                guard let template = field.path else { continue }
                let path = template.replacingOccurrences(of: "[#]", with: "[\(index)]")
                var prefix = root
                for part in path.split(separator: ".") {
                    for piece in part.split(separator: "[", omittingEmptySubsequences: false).enumerated() {
                        prefix += piece.offset == 0 ? ".\(piece.element)" : "[\(piece.element)"
                        fieldsByPath[prefix] = fieldsByPath[prefix] ?? field.id
                    }
                }
                if let value = jsonValue(field) { object = Self.setting(value, at: Self.keys(path)[...], in: object) }
            }
            if let list { rowCounts[list, default: 0] += 1 }
        }
        if step == .invoice, rowCounts["lines"] == nil {
            object = Self.setting([Any](), at: ["lines"], in: object)  // refused by the schema, beside the first line
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return (data, fieldsByPath)
    }

    private func jsonValue(_ field: Field) -> Any? {
        switch field.kind {
        case .clauses:
            return clauses.isEmpty ? nil : clauses.sorted()
        case .integer:
            return values[field.id].map { text in Int(text).map { $0 as Any } ?? text }
        case .choice where field.id == "estimate":
            return values[field.id].map { $0 == "standard" }
        default:
            return values[field.id]
        }
    }

    /// `lines[0].quantity` as keys and indexes.
    private static func keys(_ path: String) -> [Any] {
        path.split(separator: ".").flatMap { part -> [Any] in
            guard let open = part.firstIndex(of: "["), let index = Int(part[part.index(after: open)...].dropLast()) else {
                return [String(part)]
            }
            return [String(part[..<open]), index]
        }
    }

    private static func setting(_ value: Any, at keys: ArraySlice<Any>, in container: Any?) -> Any {
        guard let key = keys.first else { return value }
        if let index = key as? Int {
            var array = container as? [Any] ?? []
            while array.count <= index { array.append([String: Any]()) }
            array[index] = setting(value, at: keys.dropFirst(), in: array[index])
            return array
        }
        var object = container as? [String: Any] ?? [:]
        object[key as? String ?? ""] = setting(value, at: keys.dropFirst(), in: object[key as? String ?? ""])
        return object
    }
}

import Barcode
import Foundation
import Layout
import Markup
import TalonPrimitives
import Warranty

/// One payment QR code on a page of its own (`talon barcode nbu-qr|epc-qr --data payment.json`),
/// from a JSON object:
/// ```json
/// {"recipient": "ТОВ «Ґардіан Безпека»", "iban": "UA21 3223 1300 0002 6007 2335 6600 1",
///  "amount": "1234.50", "tax_code": "43125678", "purpose": "Оплата рахунку № INV-1"}
/// ```
/// - both: `recipient`, `iban` (checked: country length, mod 97), `amount` (0.01 ...
///   999 999 999.99, at most 2 decimals; optional for NBU: the payer types it), `purpose`.
/// - NBU (format 003): `tax_code` (required), `reference` (≤ 35 ASCII), `category`
///   (`CCCC/PPPP`, default `OTHR/OTHR`), `display`, `encoding` (`utf-8` default, `cp1251`),
///   `function` (`UCT` default, `ICT`, `XCT`), `amount_locked` (default true),
///   `created_at` and `valid_until` (dates; start and end of the day, Kyiv time).
/// - EPC: `bic`, `reference` (ISO 11649, instead of `purpose`), `note`.
public enum PaymentSheet {
    public enum Kind: String, CaseIterable, Sendable {
        case nbu = "nbu-qr", epc = "epc-qr"
    }

    /// The text the code holds: the NBU link or the EPC lines.
    public static func content(_ kind: Kind, json: Data) throws(TalonError) -> String {
        let root: JSONValue
        do {
            root = try JSONValue.parse(json)
        } catch {
            throw .validation(error)
        }
        let log = ProblemLog()
        let cursor = JSONCursor(root: root, log: log)
        let content = read(kind, cursor)
        do {
            try log.finish()
        } catch {
            throw .validation(error)
        }
        guard let content else { throw .validation(ValidationError(problems: [ValidationProblem(path: "$", reason: "invalid")])) }
        return content
    }

    /// A PDF with the code at `moduleMillimetres` per module on a page 5 mm larger all round.
    public static func render(_ kind: Kind, json: Data, moduleMillimetres: Double = 0.5,
                              renderer: DocumentRenderer) throws(TalonError) -> [UInt8] {
        let content = try content(kind, json: json)
        let millimetre = 72 / 25.4, module = moduleMillimetres * millimetre, margin = 5 * millimetre
        var spec = BarcodeSpec(symbology: .qr, data: content, showText: false, moduleWidth: module, alignment: .center,
                               location: SourceLocation(file: "<payment data>", line: 1, column: 1))
        if kind == .nbu { spec.emblem = .hryvnia }
        guard case .matrix(let symbol) = try encoded(spec) else { throw .unsupported("a payment code is a QR code") }
        let side = Double(symbol.totalSize) * module + 2 * margin
        let setup = PageSetup(pageWidth: side, pageHeight: side, marginTop: margin, marginRight: margin,
                              marginBottom: margin, marginLeft: margin, fontSize: 8,
                              title: kind == .nbu ? "NBU payment QR code" : "EPC payment QR code", subject: content)
        let list = try renderer.pipeline.layout(Document(setup: setup, blocks: [.barcode(spec)]))
        return try renderer.pipeline.paint(list)
    }

    static func encoded(_ spec: BarcodeSpec) throws(TalonError) -> EncodedBarcode {
        do {
            return try EncodedBarcode(spec)
        } catch {
            throw .barcode(error)
        }
    }

    static func read(_ kind: Kind, _ root: JSONCursor) -> String? {
        let common = ["recipient", "iban", "amount", "purpose", "reference"]
        let keys = common + (kind == .nbu
            ? ["tax_code", "category", "display", "encoding", "function", "amount_locked", "created_at", "valid_until"]
            : ["bic", "note"])
        guard let object = root.object(required: true, keys: keys) else { return nil }
        let recipient = object["recipient"].string(required: true, maxLength: 200)
        let iban = IBAN.read(object["iban"])
        if object["iban"].isMissing { object["iban"].report("required") }
        let amount = readAmount(object["amount"], required: kind == .epc)
        let purpose = object["purpose"].string(required: kind == .nbu, maxLength: 1000)
        let reference = object["reference"].string(required: false, maxLength: 100)
        guard let recipient, let iban, object.log.problems.isEmpty else { return nil }
        do throws(PaymentCodeError) {
            switch kind {
            case .nbu:
                guard let payment = readNBU(object, recipient: recipient, iban: iban, amount: amount,
                                            purpose: purpose ?? "", reference: reference) else { return nil }
                return try payment.link()
            case .epc:
                guard let amount else { return nil }
                var payment = EPCPayment(bic: object["bic"].string(required: false, maxLength: 20), name: recipient,
                                         iban: iban.compact, amount: amount)
                payment.text = purpose ?? ""
                payment.reference = reference ?? ""
                payment.note = object["note"].string(required: false, maxLength: 200) ?? ""
                return try payment.payload()
            }
        } catch {
            switch error {
            case .field(let name, let reason):
                let key = ["recipient_code": "tax_code", "name": "recipient", "text": "purpose", "lock_mask": "amount_locked"][name] ?? name
                object[key].report(reason)
            case .tooLong:
                object.report(error.description)
            }
            return nil
        }
    }

    static func readNBU(_ object: JSONCursor, recipient: String, iban: IBAN, amount: PaymentAmount?, purpose: String,
                        reference: String?) -> NBUPayment? {
        let taxCode = object["tax_code"].string(required: true, maxLength: 20)
        let encoding = object["encoding"].choice(required: false, of: ["utf-8", "cp1251"])
        let function = object["function"].choice(required: false, of: NBUPayment.Function.allCases.map(\.rawValue))
        let created = object["created_at"].date(required: false)
        let validUntil = object["valid_until"].date(required: false)
        guard let taxCode, object.log.problems.isEmpty else { return nil }
        var payment = NBUPayment(recipient: recipient, iban: iban.compact, amount: amount, recipientCode: taxCode,
                                 purpose: purpose)
        payment.encoding = encoding == "cp1251" ? .cp1251 : .utf8
        payment.function = function.flatMap(NBUPayment.Function.init(rawValue:)) ?? .credit
        payment.category = object["category"].string(required: false, maxLength: 20) ?? payment.category
        payment.reference = reference ?? ""
        payment.display = object["display"].string(required: false, maxLength: 1000) ?? ""
        payment.lockMask = object["amount_locked"].bool(default: true) ? 0xFFFF : 0xFEFF
        payment.createdAt = created.map { .init(year: $0.year, month: $0.month, day: $0.day) }
        payment.validUntil = validUntil.map { .init(year: $0.year, month: $0.month, day: $0.day, hour: 23, minute: 59, second: 59) }
        return payment
    }

    /// An amount with at most two decimals, as a number or a string.
    static func readAmount(_ cursor: JSONCursor, required: Bool) -> PaymentAmount? {
        guard let value = cursor.decimal(required: required) else { return nil }
        guard value.scale <= 2, let minor = try? value.rounded(toScale: 2) else {
            cursor.report("must be an amount with at most 2 decimals")
            return nil
        }
        return PaymentAmount(minorUnits: minor)
    }
}

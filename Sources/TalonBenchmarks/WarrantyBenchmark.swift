import Foundation
import TalonPrimitives
import Warranty

/// Decoding and computing speed of the Warranty domain (inputs built in code, no files).
func warrantyBenchmark() throws {
    let card = Data("""
        {"locale":"uk","card":{"number":"ГТ-2025-000123"},"seller":{"company":"ТОВ «Ґардіан»","phone":"+380 44 390 12 34"},
         "product":{"model":"IPC-B48-V","serial":"B48V0001","warranty_months":36},"sale":{"date":"2024-02-29"},
         "buyer":{"name":"Олена Їжакевич","phone":"+380 67 555 01 23"}}
        """.utf8)
    try measure("warranty-card decode", iterations: 20_000, perRunIn: .microseconds) { _ = try WarrantyCard.decode(json: card) }

    let lines = (0..<50).map { index in
        "{\"description\":\"Line \(index)\",\"kind\":\"\(index % 2 == 0 ? "work" : "part")\",\"quantity\":\"1.\(index % 10)\",\"unit_price\":\"\(100 + index).335\",\"vat_rate\":\(index % 3 == 0 ? 20 : 7)}"
    }.joined(separator: ",")
    let invoice = Data("""
        {"service_center":{"company":"SC"},"claim":{"rma":"R","received":"2025-03-07",
         "customer":{"name":"N"},"product":{"model":"M","serial":"S"},"sale":{"date":"2024-02-29"},
         "equipment_set":"camera","failure":"no video",
         "diagnosis":{"date":"2025-03-11","findings":"board"},
         "invoice":{"number":"I","date":"2025-03-12","lines":[\(lines)]}}}
        """.utf8)
    try measure("invoice decode (50 lines)", iterations: 2_000, perRunIn: .microseconds) {
        _ = try ServiceDocument.decode(kind: .invoice, json: invoice)
    }

    var words = 0
    measure("amount in words uk+en", iterations: 100_000, perRunIn: .microseconds) {
        let money = Money(minorUnits: Int64(words) * 7_919 + 100_000_001, currency: .uah)
        words &+= (money.inWords(.uk)?.count ?? 0) &+ (money.inWords(.en)?.count ?? 0)
    }

    let calendar = BusinessCalendar.ukraineMartialLaw
    let start = try CalendarDate(iso: "2025-03-07")
    try measure("addingBusinessDays(14)", iterations: 100_000, perRunIn: .microseconds) {
        _ = try calendar.addingBusinessDays(14, to: start)
    }
    print("(checksum \(words))")
}

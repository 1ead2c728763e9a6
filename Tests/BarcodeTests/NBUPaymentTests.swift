@testable import Barcode
import Testing

/// The NBU payment code, format 003, against the NBU's own example 4 ("payment for goods in an
/// online shop", annex 4 tables 9 and 10 of resolution No. 97 of 19.08.2025), written out here
/// by hand from the rules' table of bytes.
@Suite struct NBUPaymentTests {
    /// Example 4's fields. The rules print the reserved field 17 as the text "RFU"; a code
    /// leaves it empty, so the expected bytes below end with LF and "RFU" is added back only
    /// to compare with the rules' Base64URL text.
    static var example: NBUPayment {
        var payment = NBUPayment(recipient: "ТОВ «ФК „ЕВО“»", iban: "UA673005280000026500504354077",
                                 amount: PaymentAmount(minorUnits: 150_00), recipientCode: "37193071",
                                 purpose: "?MerchantBusinessName=\"ROZETKA.UA\", Покупка товарів, замовлення №821558965.")
        payment.encoding = .cp1251
        payment.function = .instant
        payment.category = "OTHR/GDDS"
        payment.reference = "1225102576"
        payment.display = "?<InstrForCdtrAgt><InstrInf>MerchID:01234-TermId:43210</InstrInf></InstrForCdtrAgt>"
        payment.lockMask = 0xFFFF
        payment.validUntil = .init(year: 2025, month: 3, day: 21, hour: 12)
        payment.createdAt = .init(year: 2025, month: 1, day: 29, hour: 12)
        return payment
    }

    /// Table 9, column 3, field by field (Windows-1251 bytes).
    static let exampleBytes: [UInt8] = [
        0x42, 0x43, 0x44, 0x0A,                                                       // BCD
        0x30, 0x30, 0x33, 0x0A,                                                       // 003
        0x32, 0x0A,                                                                   // 2
        0x49, 0x43, 0x54, 0x0A,                                                       // ICT
        0x0A,                                                                         // (reserved)
        0xD2, 0xCE, 0xC2, 0x20, 0xAB, 0xD4, 0xCA, 0x20, 0x84, 0xC5, 0xC2, 0xCE, 0x93, 0xBB, 0x0A,
        0x55, 0x41, 0x36, 0x37, 0x33, 0x30, 0x30, 0x35, 0x32, 0x38, 0x30, 0x30, 0x30, 0x30, 0x30,
        0x32, 0x36, 0x35, 0x30, 0x30, 0x35, 0x30, 0x34, 0x33, 0x35, 0x34, 0x30, 0x37, 0x37, 0x0A,
        0x55, 0x41, 0x48, 0x31, 0x35, 0x30, 0x0A,                                     // UAH150
        0x33, 0x37, 0x31, 0x39, 0x33, 0x30, 0x37, 0x31, 0x0A,                         // 37193071
        0x4F, 0x54, 0x48, 0x52, 0x2F, 0x47, 0x44, 0x44, 0x53, 0x0A,                   // OTHR/GDDS
        0x31, 0x32, 0x32, 0x35, 0x31, 0x30, 0x32, 0x35, 0x37, 0x36, 0x0A,             // 1225102576
        0x3F, 0x4D, 0x65, 0x72, 0x63, 0x68, 0x61, 0x6E, 0x74, 0x42, 0x75, 0x73, 0x69, 0x6E, 0x65, 0x73,
        0x73, 0x4E, 0x61, 0x6D, 0x65, 0x3D, 0x22, 0x52, 0x4F, 0x5A, 0x45, 0x54, 0x4B, 0x41, 0x2E, 0x55,
        0x41, 0x22, 0x2C, 0x20, 0xCF, 0xEE, 0xEA, 0xF3, 0xEF, 0xEA, 0xE0, 0x20, 0xF2, 0xEE, 0xE2, 0xE0,
        0xF0, 0xB3, 0xE2, 0x2C, 0x20, 0xE7, 0xE0, 0xEC, 0xEE, 0xE2, 0xEB, 0xE5, 0xED, 0xED, 0xFF, 0x20,
        0xB9, 0x38, 0x32, 0x31, 0x35, 0x35, 0x38, 0x39, 0x36, 0x35, 0x2E, 0x0A,
        0x3F, 0x3C, 0x49, 0x6E, 0x73, 0x74, 0x72, 0x46, 0x6F, 0x72, 0x43, 0x64, 0x74, 0x72, 0x41, 0x67,
        0x74, 0x3E, 0x3C, 0x49, 0x6E, 0x73, 0x74, 0x72, 0x49, 0x6E, 0x66, 0x3E, 0x4D, 0x65, 0x72, 0x63,
        0x68, 0x49, 0x44, 0x3A, 0x30, 0x31, 0x32, 0x33, 0x34, 0x2D, 0x54, 0x65, 0x72, 0x6D, 0x49, 0x64,
        0x3A, 0x34, 0x33, 0x32, 0x31, 0x30, 0x3C, 0x2F, 0x49, 0x6E, 0x73, 0x74, 0x72, 0x49, 0x6E, 0x66,
        0x3E, 0x3C, 0x2F, 0x49, 0x6E, 0x73, 0x74, 0x72, 0x46, 0x6F, 0x72, 0x43, 0x64, 0x74, 0x72, 0x41,
        0x67, 0x74, 0x3E, 0x0A,
        0x46, 0x46, 0x46, 0x46, 0x0A,                                                 // FFFF
        0x32, 0x35, 0x30, 0x33, 0x32, 0x31, 0x31, 0x32, 0x30, 0x30, 0x30, 0x30, 0x0A, // 250321120000
        0x32, 0x35, 0x30, 0x31, 0x32, 0x39, 0x31, 0x32, 0x30, 0x30, 0x30, 0x30, 0x0A, // 250129120000
    ]

    /// Table 10, item 2: the rules' Base64URL text of table 9 (with "RFU" in field 17).
    static let exampleBase64 = "QkNECjAwMwoyCklDVAoK0s7CIKvUyiCExcLOk7sKVUE2NzMwMDUyODAwMDAwMjY1MDA1MDQzNTQwNzcKVUFIMTUwCjM3"
        + "MTkzMDcxCk9USFIvR0REUwoxMjI1MTAyNTc2Cj9NZXJjaGFudEJ1c2luZXNzTmFtZT0iUk9aRVRLQS5VQSIsIM_u6vPv6uAg8u7i4PCz4iwg"
        + "5-Ds7uLr5e3t_yC5ODIxNTU4OTY1Lgo_PEluc3RyRm9yQ2R0ckFndD48SW5zdHJJbmY-TWVyY2hJRDowMTIzNC1UZXJtSWQ6NDMyMTA8L0lu"
        + "c3RySW5mPjwvSW5zdHJGb3JDZHRyQWd0PgpGRkZGCjI1MDMyMTEyMDAwMAoyNTAxMjkxMjAwMDAKUkZV"

    @Test func exampleFourPayloadMatchesTheRulesByteForByte() throws {
        #expect(try Self.example.payload() == Self.exampleBytes)
        #expect(Base64URL.encode(Self.exampleBytes + Array("RFU".utf8)) == Self.exampleBase64)
        #expect(Base64URL.decode(Self.exampleBase64) == Self.exampleBytes + Array("RFU".utf8))
    }

    @Test func linkIsThePrefixAndTheBase64URLWithoutPadding() throws {
        let link = try Self.example.link()
        #expect(link.hasPrefix("https://qr.bank.gov.ua/"))
        let encoded = String(link.dropFirst(NBUPayment.linkPrefix.count))
        #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
        #expect(Base64URL.decode(encoded) == Self.exampleBytes)
    }

    @Test func cyrillicRecipientInBothEncodings() throws {
        var payment = Self.example
        payment.encoding = .utf8
        let utf8 = try payment.payload()
        #expect(utf8[8] == UInt8(ascii: "1"))
        #expect(String(decoding: utf8, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[5]
            == "ТОВ «ФК „ЕВО“»")
        let cp1251 = try Self.example.payload()
        #expect(cp1251[8] == UInt8(ascii: "2"))
        #expect(CP1251.decode(cp1251).split(separator: "\n", omittingEmptySubsequences: false)[5] == "ТОВ «ФК „ЕВО“»")
        // UTF-8 takes two bytes per Cyrillic letter.
        #expect(utf8.count > cp1251.count)
    }

    @Test func amountsHaveNoDecimalsOrExactlyTwo() throws {
        for (minor, text) in [(100_00 as Int64, "UAH100"), (100_50, "UAH100.50"), (100_05, "UAH100.05"), (1, "UAH0.01"),
                              (99_999_999_999, "UAH999999999.99")] {
            var payment = Self.example
            payment.amount = PaymentAmount(minorUnits: minor)
            #expect(try payment.fields()[7] == text)
        }
        var open = Self.example
        open.amount = nil
        #expect(try open.fields()[7] == "")
        for bad: Int64 in [0, -5, 100_000_000_000] {
            var payment = Self.example
            payment.amount = PaymentAmount(minorUnits: bad)
            #expect(throws: PaymentCodeError.field("amount", reason: "must be between 0.01 and 999999999.99")) {
                try payment.fields()
            }
        }
    }

    @Test func seventeenFieldsWithDefaults() throws {
        let payment = NBUPayment(recipient: "ФОП Петренко", iban: "UA21 3223 1300 0002 6007 2335 6600 1",
                                 amount: PaymentAmount(minorUnits: 1_234_50), recipientCode: "3012345678",
                                 purpose: "Рахунок INV-1")
        let fields = try payment.fields()
        #expect(fields.count == 17)
        #expect(Array(fields[0...4]) == ["BCD", "003", "1", "UCT", ""])
        #expect(fields[6] == "UA213223130000026007233566001")
        #expect(fields[9] == "OTHR/OTHR")
        #expect(fields[13] == "FFFF")
        #expect(Array(fields[14...16]) == ["", "", ""])
    }

    @Test func fieldLimitsAreRefusedByName() {
        func refused(_ change: (inout NBUPayment) -> Void) -> String? {
            var payment = Self.example
            change(&payment)
            do {
                _ = try payment.link()
                return nil
            } catch {
                if case .field(let name, _) = error { return name }
                if case .tooLong = error { return "length" }
                return nil
            }
        }
        #expect(refused { $0.recipient = String(repeating: "Я", count: 141) } == "recipient")
        #expect(refused { $0.recipient = String(repeating: "Я", count: 140); $0.display = ""; $0.purpose = "x" } == nil)
        #expect(refused { $0.recipient = "" } == "recipient")
        #expect(refused { $0.recipient = "Line\nbreak" } == "recipient")
        #expect(refused { $0.recipient = "中文" } == "recipient")
        #expect(refused { $0.iban = "DE89370400440532013000" } == "iban")
        #expect(refused { $0.recipientCode = "12345678901" } == "recipient_code")
        #expect(refused { $0.category = "" } == "category")
        #expect(refused { $0.category = "othr/othr" } == "category")
        #expect(refused { $0.reference = String(repeating: "7", count: 36) } == "reference")
        #expect(refused { $0.reference = "№1" } == "reference")
        #expect(refused { $0.purpose = String(repeating: "a", count: 421) } == "purpose")
        #expect(refused { $0.display = String(repeating: "a", count: 141) } == "display")
        #expect(refused { $0.lockMask = 0x00FF } == "lock_mask")
        #expect(refused { $0.lockMask = 0xFEFF } == nil)
        #expect(refused { $0.validUntil = .init(year: 2025, month: 13, day: 1) } == "valid_until")
        // 420 purpose characters fit the field but not the 475-byte encoded limit.
        #expect(refused { $0.purpose = String(repeating: "a", count: 420) } == "length")
    }

    @Test func symbolIsVersionTenToSeventeenAtLevelM() throws {
        var small = NBUPayment(recipient: "A", iban: "UA213223130000026007233566001", amount: nil, recipientCode: "1",
                               purpose: "x")
        small.category = "OTHR/OTHR"
        #expect(try small.symbol().size == 17 + 4 * 10)
        let large = try Self.example.symbol()
        #expect((57...85).contains(large.size))
        // The largest link the rules allow (475 encoded bytes) still fits version 17-M.
        let longest = NBUPayment.linkPrefix + String(repeating: "A", count: 475)
        #expect(try QRCode.encode(longest, errorCorrection: .medium, versions: NBUPayment.versions).size <= 85)
    }

    @Test func symbolDecodesToTheLink() throws {
        let link = try Self.example.link()
        let read = try Scanner.decode([Scanner.pgm(try Self.example.symbol())], options: ["-Sqrcode.enable"], raw: true)
        #expect(read == [link])
    }
}

import Testing
@testable import TalonDocuments

@Suite struct SMSMessageTests {
    @Test func latinTextUsesGSM7WithSingleSegmentUpTo160() {
        let message = SMSMessage(String(repeating: "a", count: 160))
        #expect(message.encoding == .gsm7)
        #expect(message.segments == 1)
        #expect(SMSMessage(String(repeating: "a", count: 161)).segments == 2)
        #expect(SMSMessage(String(repeating: "a", count: 306)).segments == 2)
        #expect(SMSMessage(String(repeating: "a", count: 307)).segments == 3)
    }

    @Test func extensionCharactersCountTwice() {
        let message = SMSMessage("Total: 12€ [ok]")
        #expect(message.encoding == .gsm7)
        #expect(message.units == 18)
        #expect(SMSMessage(String(repeating: "€", count: 80)).segments == 1)
        #expect(SMSMessage(String(repeating: "€", count: 81)).segments == 2)
    }

    @Test func cyrillicForcesUCS2() {
        let message = SMSMessage("Ремонт завершено")
        #expect(message.encoding == .ucs2)
        #expect(message.units == 16)
        #expect(SMSMessage(String(repeating: "ї", count: 70)).segments == 1)
        #expect(SMSMessage(String(repeating: "ї", count: 71)).segments == 2)
        #expect(SMSMessage(String(repeating: "ї", count: 134)).segments == 2)
        #expect(SMSMessage(String(repeating: "ї", count: 135)).segments == 3)
    }

    @Test func emojiCountsAsTwoUTF16Units() {
        #expect(SMSMessage("ok 😀").units == 5)
    }
}

import Testing
@testable import Warranty

@Suite struct AmountInWordsTests {
    func uk(_ minor: Int64, _ currency: Currency = .uah) -> String {
        Money(minorUnits: minor, currency: currency).inWords(.uk) ?? "(none)"
    }
    func en(_ minor: Int64, _ currency: Currency = .uah) -> String {
        Money(minorUnits: minor, currency: currency).inWords(.en) ?? "(none)"
    }

    @Test func ukrainianHryvniaFormsAndGender() {
        #expect(uk(100) == "одна гривня 00 копійок")
        #expect(uk(200) == "дві гривні 00 копійок")
        #expect(uk(500) == "пʼять гривень 00 копійок")
        #expect(uk(1_100) == "одинадцять гривень 00 копійок")
        #expect(uk(2_100) == "двадцять одна гривня 00 копійок")
        #expect(uk(10_100) == "сто одна гривня 00 копійок")
        #expect(uk(100_000_001) == "один мільйон гривень 01 копійка")
        #expect(uk(0) == "нуль гривень 00 копійок")
        #expect(uk(1_402) == "чотирнадцять гривень 02 копійки")
        #expect(uk(2_211) == "двадцять дві гривні 11 копійок")
        #expect(uk(123_456) == "одна тисяча двісті тридцять чотири гривні 56 копійок")
        #expect(uk(200_021) == "дві тисячі гривень 21 копійка")
        #expect(uk(500_000) == "пʼять тисяч гривень 00 копійок")
        #expect(uk(1_100_000) == "одинадцять тисяч гривень 00 копійок")
        #expect(uk(300_000_000) == "три мільйони гривень 00 копійок")
        #expect(uk(2_500_000_000) == "двадцять пʼять мільйонів гривень 00 копійок")
        #expect(uk(200_000_100_000) == "два мільярди одна тисяча гривень 00 копійок")
        #expect(uk(200_100_000_000) == "два мільярди один мільйон гривень 00 копійок")
        #expect(uk(-150) == "мінус одна гривня 50 копійок")
        #expect(uk(Int64.max).hasPrefix("дев'яносто два квадрильйони"))
    }

    @Test func ukrainianOtherCurrencies() {
        #expect(uk(100, .usd) == "один долар 00 центів")
        #expect(uk(201, .usd) == "два долари 01 цент")
        #expect(uk(500, .usd) == "пʼять доларів 00 центів")
        #expect(uk(2_103, .eur) == "двадцять один євро 03 центи")
        #expect(uk(100, .pln) == "один злотий 00 грошів")
        #expect(uk(322, .pln) == "три злоті 22 гроші")
        #expect(uk(1_201, .pln) == "дванадцять злотих 01 грош")
        #expect(uk(100_000, .usd) == "одна тисяча доларів 00 центів")
    }

    @Test func englishWords() {
        #expect(en(123_456) == "one thousand two hundred thirty-four hryvnias and fifty-six kopiykas")
        #expect(en(100) == "one hryvnia and zero kopiykas")
        #expect(en(101) == "one hryvnia and one kopiyka")
        #expect(en(100_000_001) == "one million hryvnias and one kopiyka")
        #expect(en(1_100) == "eleven hryvnias and zero kopiykas")
        #expect(en(2_100) == "twenty-one hryvnias and zero kopiykas")
        #expect(en(10_100) == "one hundred one hryvnias and zero kopiykas")
        #expect(en(4_000_000, .eur) == "forty thousand euros and zero cents")
        #expect(en(101, .usd) == "one dollar and one cent")
        #expect(en(250, .pln) == "two zlotys and fifty groszy")
        #expect(en(101, .pln) == "one zloty and one grosz")
        #expect(en(0, .usd) == "zero dollars and zero cents")
        #expect(en(-9_000, .usd) == "minus ninety dollars and zero cents")
        #expect(en(Int64.min, .usd).hasPrefix("minus ninety-two quadrillion"))
    }

    @Test func unknownCurrencyFallsBackToCode() {
        let chf = Currency(code: "CHF", minorDigits: 2)
        #expect(en(1_000, chf) == "ten CHF 00")
    }

    /// Amount in words is the one piece of code a language adds: a tag without an
    /// implementation has none (the invoice, which prints it, refuses such a language).
    @Test func aLanguageWithoutAnImplementationHasNoWords() throws {
        let german = try #require(DocumentLocale(rawValue: "de"))
        #expect(Money(minorUnits: 100, currency: .eur).inWords(german) == nil)
        #expect(AmountInWords.implementations.keys.sorted() == ["en", "pl", "uk"])
    }
}

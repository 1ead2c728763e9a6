extension ExclusionClause {
    // The brand's published terms, in their order: clause 1 is the loss of the card, 2–12
    // the inappropriate uses the brand numbers 1–11 ("the warranty is void if"), 13–14 what
    // the warranty does not cover. Texts keep the brand's full scope; uk uses the
    // typographic apostrophe U+02BC.
    // swiftlint:disable line_length
    static let catalogue: [ExclusionClause] = [
        ExclusionClause(number: 1, group: .voidsWarranty, text: LocalizedText(
            en: "The warranty card has been lost.",
            uk: "Втрачено гарантійний талон.",
            pl: "Utracono kartę gwarancyjną.")),
        ExclusionClause(number: 2, group: .voidsWarranty, text: LocalizedText(
            en: "The equipment was used in conditions not covered by the manufacturer's instructions, or above the load the manufacturer recommends.",
            uk: "Обладнання використовувалося в умовах, не передбачених інструкцією виробника, або з навантаженням, що перевищує рекомендоване виробником.",
            pl: "Urządzenie było użytkowane w warunkach nieprzewidzianych w instrukcji producenta lub pod obciążeniem większym niż zalecane przez producenta.")),
        ExclusionClause(number: 3, group: .voidsWarranty, text: LocalizedText(
            en: "The product has mechanical damage (dents, cracks, chips, etc.).",
            uk: "Виріб має механічні пошкодження (вмʼятини, тріщини, відколи тощо).",
            pl: "Produkt ma uszkodzenia mechaniczne (wgniecenia, pęknięcia, odpryski itp.).")),
        ExclusionClause(number: 4, group: .voidsWarranty, text: LocalizedText(
            en: "A cable connector has been cut off (a cable may be cut only at a distance of 1 cm from the plug). The cable from the junction box to the camera is part of the device and must never be damaged or cut: that destroys the camera's function and voids the warranty.",
            uk: "Обрізано кабельний розʼєм (обрізати кабель дозволено лише на відстані 1 см від штекера). Кабель від розподільної коробки до камери є частиною виробу, і його не можна пошкоджувати чи обрізати за жодних умов: це призводить до повної втрати працездатності камери і гарантії.",
            pl: "Odcięto złącze przewodu (przewód wolno przeciąć tylko w odległości 1 cm od wtyku). Przewód od puszki przyłączeniowej do kamery jest częścią urządzenia i w żadnym wypadku nie wolno go uszkadzać ani przecinać: kamera całkowicie traci wtedy sprawność, a gwarancja wygasa.")),
        ExclusionClause(number: 5, group: .voidsWarranty, text: LocalizedText(
            en: "The seals on the device are missing or damaged.",
            uk: "Пломби на виробі відсутні або пошкоджені.",
            pl: "Plomby na urządzeniu są nieobecne lub uszkodzone.")),
        ExclusionClause(number: 6, group: .voidsWarranty, text: LocalizedText(
            en: "The factory characteristics of the device have been changed, or the device was used differently from its original characteristics.",
            uk: "Змінено заводські характеристики виробу, або виріб використовувався не відповідно до його початкових характеристик.",
            pl: "Zmieniono fabryczne parametry urządzenia lub urządzenie było użytkowane niezgodnie z jego pierwotnymi parametrami.")),
        ExclusionClause(number: 7, group: .voidsWarranty, text: LocalizedText(
            en: "The malfunction was caused by foreign objects getting into the device.",
            uk: "Несправність спричинено потраплянням у виріб сторонніх предметів.",
            pl: "Usterkę spowodowały ciała obce, które dostały się do urządzenia.")),
        ExclusionClause(number: 8, group: .voidsWarranty, text: LocalizedText(
            en: "Elements of the device failed as a result of a storm or another natural phenomenon.",
            uk: "Елементи виробу вийшли з ладу внаслідок грози або іншого природного явища.",
            pl: "Elementy urządzenia uległy uszkodzeniu w wyniku burzy lub innego zjawiska naturalnego.")),
        ExclusionClause(number: 9, group: .voidsWarranty, text: LocalizedText(
            en: "The device has chemical, electrochemical, electrostatic or extreme heat damage.",
            uk: "Виріб має хімічні, електрохімічні, електростатичні пошкодження або пошкодження від надмірного нагрівання.",
            pl: "Urządzenie ma uszkodzenia chemiczne, elektrochemiczne, elektrostatyczne lub spowodowane nadmierną temperaturą.")),
        ExclusionClause(number: 10, group: .voidsWarranty, text: LocalizedText(
            en: "The damage was caused by power supply, communication lines or cabling that do not meet the requirements of the device's instructions.",
            uk: "Пошкодження спричинено живленням, лініями звʼязку або кабельною мережею, що не відповідають вимогам інструкції до виробу.",
            pl: "Uszkodzenie spowodowało zasilanie, linie telekomunikacyjne lub okablowanie niespełniające wymagań instrukcji urządzenia.")),
        ExclusionClause(number: 11, group: .voidsWarranty, text: LocalizedText(
            en: "The damage was caused by installing non-conforming components that are not included with the unit.",
            uk: "Пошкодження спричинено встановленням невідповідних комплектувальних виробів, що не входять до комплекту постачання.",
            pl: "Uszkodzenie spowodowało zamontowanie niewłaściwych podzespołów, które nie wchodzą w skład zestawu.")),
        ExclusionClause(number: 12, group: .voidsWarranty, text: LocalizedText(
            en: "The hardware or software products were handled incorrectly and/or the device was re-programmed incorrectly.",
            uk: "Неправильна робота з апаратним і/або програмним забезпеченням або неправильне перепрограмування виробу.",
            pl: "Nieprawidłowo obsługiwano sprzęt lub oprogramowanie i/lub nieprawidłowo przeprogramowano urządzenie.")),
        ExclusionClause(number: 13, group: .alsoNotCovered, text: LocalizedText(
            en: "Damage caused to other equipment that works together with the product is not covered by the warranty.",
            uk: "Пошкодження іншого обладнання, що працює разом із виробом, не покривається гарантією.",
            pl: "Gwarancja nie obejmuje uszkodzeń innych urządzeń współpracujących z produktem.")),
        ExclusionClause(number: 14, group: .alsoNotCovered, text: LocalizedText(
            en: "The compatibility of the product with third-party products and software, and the compatibility and configuration of systems built with them, are not covered by the warranty.",
            uk: "Сумісність виробу з виробами та програмним забезпеченням сторонніх виробників, а також сумісність і конфігурація систем із ними не покриваються гарантією.",
            pl: "Gwarancja nie obejmuje kompatybilności produktu z produktami i oprogramowaniem innych producentów ani kompatybilności i konfiguracji systemów zbudowanych z ich użyciem.")),
    ]
    // swiftlint:enable line_length
}

extension ExclusionClause {
    // swiftlint:disable line_length
    static let catalogue: [ExclusionClause] = [
        ExclusionClause(number: 1, group: .voidsWarranty, text: LocalizedText(
            en: "The warranty card has been lost.",
            uk: "Втрачено гарантійний талон.")),
        ExclusionClause(number: 2, group: .voidsWarranty, text: LocalizedText(
            en: "The product was used outside the manufacturer's operating conditions or above the recommended load.",
            uk: "Виріб експлуатувався з порушенням умов, визначених виробником, або з навантаженням, що перевищує рекомендоване.")),
        ExclusionClause(number: 3, group: .voidsWarranty, text: LocalizedText(
            en: "The product has mechanical damage (dents, cracks, chips).",
            uk: "Виріб має механічні пошкодження (вм'ятини, тріщини, відколи).")),
        ExclusionClause(number: 4, group: .voidsWarranty, text: LocalizedText(
            en: "A cable connector has been cut. A cable may be cut only 1 cm from the plug; the cable from the junction box to the camera must never be cut.",
            uk: "Кабельний роз'єм обрізано. Обрізати кабель дозволено лише на відстані 1 см від штекера; кабель від розподільчої коробки до камери обрізати заборонено.")),
        ExclusionClause(number: 5, group: .voidsWarranty, text: LocalizedText(
            en: "Seals are missing or damaged.",
            uk: "Пломби відсутні або пошкоджені.")),
        ExclusionClause(number: 6, group: .voidsWarranty, text: LocalizedText(
            en: "The factory characteristics of the product have been changed.",
            uk: "Змінено заводські характеристики виробу.")),
        ExclusionClause(number: 7, group: .voidsWarranty, text: LocalizedText(
            en: "Foreign objects have got inside the product.",
            uk: "Усередині виробу виявлено сторонні предмети.")),
        ExclusionClause(number: 8, group: .voidsWarranty, text: LocalizedText(
            en: "The damage was caused by a storm or another natural phenomenon.",
            uk: "Пошкодження спричинено грозою або іншим природним явищем.")),
        ExclusionClause(number: 9, group: .voidsWarranty, text: LocalizedText(
            en: "The product has chemical, electrochemical or electrostatic damage, or damage from extreme heat.",
            uk: "Виріб має хімічні, електрохімічні, електростатичні пошкодження або пошкодження від надмірного нагрівання.")),
        ExclusionClause(number: 10, group: .voidsWarranty, text: LocalizedText(
            en: "The power supply, communication lines or cabling do not match the instructions.",
            uk: "Живлення, лінії зв'язку або кабельна мережа не відповідають вимогам інструкції.")),
        ExclusionClause(number: 11, group: .voidsWarranty, text: LocalizedText(
            en: "Non-conforming components have been installed.",
            uk: "Установлено комплектувальні вироби, що не відповідають вимогам виробника.")),
        ExclusionClause(number: 12, group: .voidsWarranty, text: LocalizedText(
            en: "The hardware or software was handled incorrectly, or the product was re-programmed incorrectly.",
            uk: "Неправильна робота з апаратним чи програмним забезпеченням або неправильне перепрограмування виробу.")),
        ExclusionClause(number: 13, group: .alsoNotCovered, text: LocalizedText(
            en: "Damage to other equipment working together with the product is not covered.",
            uk: "Гарантія не поширюється на пошкодження іншого обладнання, що працює разом із виробом.")),
        ExclusionClause(number: 14, group: .alsoNotCovered, text: LocalizedText(
            en: "Compatibility with third-party products is not covered.",
            uk: "Гарантія не поширюється на сумісність із виробами сторонніх виробників.")),
    ]
    // swiftlint:enable line_length
}

import Figures
import Testing

@Suite("Numbers written back in the note's own form")
struct NumberFormTests {
    @Test(arguments: [
        (NumberForm(decimals: 2), 0.6152, "0.62"),
        (NumberForm(decimals: 2, leadingZero: false), 0.6152, ".62"),
        (NumberForm(decimals: 0, percent: true), 0.6152, "62%"),
        (NumberForm(decimals: 1, percent: true), 0.6152, "61.5%"),
        (NumberForm(decimals: 2, decimalComma: true), 0.6152, "0,62"),
        (NumberForm(decimals: 2, unicodeMinus: true), -0.1049, "\u{2212}0.10"),
        (NumberForm(decimals: 2), -0.001, "0.00"),
        (NumberForm(decimals: 2, leadingZero: false), -0.25, "-.25"),
    ])
    func format(_ form: NumberForm, _ value: Double, _ expected: String) {
        #expect(form.format(value) == expected)
    }

    /// Labels are chosen from what the reader sees: 0.5975 printed as 0.60 is at the 0.6 threshold.
    @Test func roundedIsTheValueAsPrinted() {
        #expect(NumberForm(decimals: 2).rounded(0.5975) == 0.60)
        #expect(NumberForm(decimals: 1).rounded(0.5975) == 0.6)
        #expect(NumberForm(decimals: 3).rounded(0.5975) == 0.598)
        #expect(NumberForm(decimals: 0, percent: true).rounded(0.5975) == 0.60)
    }
}

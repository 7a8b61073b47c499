import Figures
import Testing

@Suite("Reading prose into tokens")
struct FigureTokenizerTests {
    static let known = ["HUT", "IREN", "BTC-USD", "IBIT", "BRK.B", "MARA", "RIOT", "BRK"]

    func dump(_ line: String, known: [String] = known) -> String {
        var tokenizer = FigureTokenizer(knownTickers: known)
        let bytes = Array(line.utf8)
        return tokenizer.tokens(bytes, 0..<bytes.count).map(\.description).joined(separator: " · ")
    }

    @Test func pairAndNumber() {
        #expect(
            dump("HUT and IREN most correlated (0.70)")
                == "ticker HUT 0..<3 · word and · ticker IREN 8..<12 · word most · word correlated · ( · number 0.70/2 30..<34 · )"
        )
    }

    @Test(arguments: [
        ("IBIT-BTC-USD", "ticker IBIT 0..<4 · - · ticker BTC-USD 5..<12"),
        ("BRK.B/HUT", "ticker BRK.B 0..<5 · / · ticker HUT 6..<9"),
        ("MARA–RIOT", "ticker MARA 0..<4 · – · ticker RIOT 7..<11"),
        ("HUT's", "ticker HUT 0..<3 · word s"),
        ("XYZ-HUT", "unknown XYZ 0..<3 · - · ticker HUT 4..<7"),
        ("HUTS and REITs", "unknown HUTS 0..<4 · word and · word reits"),
    ])
    func tickersAreMatchedLongestFirstAtWordBoundaries(_ line: String, _ expected: String) {
        #expect(dump(line) == expected)
    }

    @Test(arguments: [
        ("0.50", "number 0.50/2 0..<4"),
        (".50", "number .50/2 0..<3"),
        ("-0.10", "number -0.10/2 0..<5"),
        ("\u{2212}0.10", "number \u{2212}0.10/2 0..<7"),
        ("50%", "number 50%/0 0..<3"),
        ("0,50", "number 0,50/2 0..<4"),
        ("**0.61**", "number 0.61/2 2..<6"),
        ("0.08-0.20", "number 0.08/2 0..<4 · - · number 0.20/2 5..<9"),
        ("0.53–0.70", "number 0.53/2 0..<4 · – · number 0.70/2 7..<11"),
    ])
    func numbersKeepTheirForm(_ line: String, _ expected: String) {
        #expect(dump(line) == expected)
    }

    @Test(arguments: [
        ("$3.5B", "word 3.5B"),
        ("2024-01-02", "word 2024-01-02"),
        ("20 days", "word 20 · word days"),
        ("1,250", "word 1,250"),
    ])
    func amountsDatesAndIntegersAreNoNumbers(_ line: String, _ expected: String) {
        // `$` is not read; what follows it is one word as written, never a number token.
        #expect(dump(line) == expected)
    }

    @Test(arguments: [
        "`(0.50 correlation)`", "%% cluster (0.50 correlation) %%", "$$ r = 0.50 $$", "<!-- 0.50 correlation -->",
        "![[chart-0.50.png]]", "[link](notes/0.50.md)",
    ])
    func codeCommentsMathEmbedsAndDestinationsGiveNoNumber(_ line: String) {
        #expect(!dump(line).contains("number"))
    }
}

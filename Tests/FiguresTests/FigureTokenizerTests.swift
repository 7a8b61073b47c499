import Figures
import Testing

@Suite("Reading prose into tokens")
struct FigureTokenizerTests {
    func dump(_ line: String, known: [String] = ["HUT", "IREN", "BTC-USD", "IBIT", "BRK.B", "MARA", "RIOT"]) -> String {
        var tokenizer = FigureTokenizer(knownTickers: known)
        let bytes = Array(line.utf8)
        return tokenizer.tokens(bytes, 0..<bytes.count).map(\.description).joined(separator: " · ")
    }

    @Test func pairAndNumber() {
        #expect(
            dump("HUT and IREN most correlated (0.70)")
                == "ticker HUT 0..<3 · word and · ticker IREN 8..<12 · word most · word correlated · ( · number 0.70/2 30..<34 · )")
    }
}

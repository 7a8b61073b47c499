import Figures
import Testing

/// Every ticker list on the command line reads commas, spaces or both.
@Suite("ticker lists as typed")
struct TickerListTests {
    @Test(arguments: [
        ["HUT,IREN"], ["HUT", "IREN"], ["HUT IREN"], ["HUT, IREN"], ["HUT,", "IREN"], [" HUT ,, IREN "],
        ["HUT\tIREN"],
    ])
    func everySplitGivesTheSameTickers(_ words: [String]) {
        #expect(GroupTickers.list(words) == ["HUT", "IREN"])
    }

    @Test func nothingButSeparatorsIsNoTicker() {
        #expect(GroupTickers.list([",", " ", ""]) == [])
    }
}

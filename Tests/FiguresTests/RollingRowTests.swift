import Figures
import Testing
import VaultModel

/// Metric rows that name a rolling average: the days are read from the row's name.
@Suite("Rolling-average rows")
struct RollingRowTests {
    func figures(_ rows: String, header: String = "| Metric | Value | Trend |\n|---|---|---|") -> [Figure] {
        let text = "---\ntickers: [HUT, IREN, WULF]\n---\n" + header + "\n" + rows + "\n"
        let vault = Vault(texts: ["S.md": text])
        let catalog = SectorCatalog(
            vault: vault, sources: [SourceText(text)], resolver: LinkResolver(index: VaultIndex(vault)),
            knownTickers: ["HUT", "IREN", "WULF"])
        return catalog.notes.first?.figures ?? []
    }

    @Test(arguments: [
        ("60-day avg correlation", 60), ("Rolling 60d correlation", 60), ("30-day average correlation", 30),
        ("**90 day rolling avg corr**", 90), ("Trailing 20-session mean correlation", 20), ("60d avg r", 60),
        ("Rolling 45-day pairwise correlation:", 45),
    ])
    func theDaysComeFromTheName(_ name: String, _ days: Int) throws {
        let bound = figures("| \(name) | 0.71 | rising |")
        let figure = try #require(bound.first)
        #expect(bound.count == 1)
        #expect(figure.subject == .rollingAverage(days: days))
        #expect(figure.trend != nil)
    }

    @Test(arguments: [
        "Rolling correlation", "60-day volume", "1-day avg correlation", "60-day HUT correlation", "Avg 60 correlation",
    ])
    func aNameWithoutDaysOrWithoutTheAverageIsNoRollingRow(_ name: String) {
        let rolling = figures("| \(name) | 0.71 | rising |").filter {
            if case .rollingAverage = $0.subject { return true }
            return false
        }
        #expect(rolling.isEmpty)
    }

    @Test func theTrendWordIsFoundInAnyOtherCellWithItsCase() throws {
        let text = "| 60-day avg correlation | 0.71 | Falling (since May) |"
        let figure = try #require(figures(text).first)
        let trend = try #require(figure.trend)
        #expect(trend.capitalized)
        #expect(figure.label == nil)
    }

    @Test func aLabelIsReadWhenThereIsNoTrend() throws {
        let figure = try #require(figures("| 60-day avg correlation | 0.71 | Strong |").first)
        #expect(figure.trend == nil)
        #expect(figure.label != nil)
    }

    @Test func twoNumbersInTheRowAreNotOneFigure() {
        #expect(figures("| 60-day avg correlation | 0.71 to 0.75 | rising |").isEmpty)
    }
}

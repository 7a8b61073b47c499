import Figures
import Testing
import VaultModel

/// Binding from strings: a note in, `line:column place: subject` and skipped numbers out.
@Suite("Binding numbers to what they measure")
struct FigureBinderTests {
    static let known: Set<String> = ["HUT", "IREN", "WULF", "CORZ", "EQIX", "DLR"]

    func bind(_ body: String, tickers: String = "[HUT, IREN, WULF, CORZ]") -> (figures: [String], skipped: [String]) {
        let text = "---\ntickers: \(tickers)\n---\n" + body + "\n"
        let vault = Vault(texts: ["S.md": text])
        let catalog = SectorCatalog(
            vault: vault, sources: [SourceText(text)], resolver: LinkResolver(index: VaultIndex(vault)),
            knownTickers: Self.known)
        guard let sector = catalog.notes.first else { return ([], []) }
        return (
            sector.figures.map { "\($0.position) \($0.subject)" },
            sector.skipped.map { "\($0.position) \($0.reason)" }
        )
    }

    @Test(arguments: [
        ("Trades as a distinct cluster (0.61 correlation).", "4:31 group average"),
        ("HUT and IREN most correlated (0.70).", "4:31 most correlated pair"),
        ("Among miners, HUT and IREN most correlated (0.70).", "4:45 pair HUT-IREN"),
        ("EQIX-CORZ correlation: 0.10 (near zero)", "4:24 pair EQIX-CORZ"),
        ("CORZ is the least correlated with the others (0.36).", "4:47 CORZ's mean with the rest"),
        ("Correlations range from 0.31 to 0.72.", "4:25 range of the group's pairs"),
        ("Median correlation 0.50.", "4:20 group median"),
    ])
    func oneSubjectBinds(_ sentence: String, _ expected: String) {
        #expect(bind(sentence).figures == [expected])
        #expect(bind(sentence).skipped == [])
    }

    @Test(arguments: [
        ("HUT rose 0.70 in March.", nil),
        ("The two big REITs move together (0.85 correlation).", "the sentence names no pair and no word"),
        ("HUT and IREN lead the cluster (0.70 correlation).", "1 number and 2 tickers in one sentence"),
        ("Cluster correlation rose from 0.40 to 0.60.", "2 numbers and 0 tickers in one sentence"),
        ("HUT, IREN and WULF average 0.61 correlation.", "names HUT, IREN, WULF, not one pair and not the whole group"),
        ("The cluster spread is 0.30.", "the sentence does not say it is a correlation"),
    ])
    func nothingBindsWhereTheSubjectIsNotCertain(_ sentence: String, _ reason: String?) {
        let result = bind(sentence)
        #expect(result.figures == [])
        if let reason {
            #expect(result.skipped.count >= 1 && result.skipped.allSatisfy { $0.contains(reason) }, "\(result.skipped)")
        } else {
            #expect(result.skipped == [])
        }
    }

    @Test func aNoteThatIsNoSectorNoteHasNoFigures() {
        let text = "---\nticker: HUT\n---\nA tight cluster (0.61 correlation).\n"
        let vault = Vault(texts: ["C.md": text])
        let catalog = SectorCatalog(
            vault: vault, sources: [SourceText(text)], resolver: LinkResolver(index: VaultIndex(vault)),
            knownTickers: Self.known)
        #expect(catalog.notes.isEmpty)
    }
}

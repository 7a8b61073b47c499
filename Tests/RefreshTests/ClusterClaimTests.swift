import Foundation
import Refresh
import Testing

/// `update` warns when a sector note says it is a distinct or separate cluster and the tree disagrees.
@Suite struct ClusterClaimTests {
    static let mixed = """
        ---
        tickers: [EQIX, HUT]
        ---
        #sector

        # Mixed

        A distinct cluster, separate from the [[DC REITs]] landlords.

        | Metric | Value | Interpretation |
        |---|---|---|
        | vs [[Crypto-to-AI]] | 0.10-0.20 | Separate clusters |

        ```
        a distinct cluster in a code block is not a claim
        ```

        Not a distinct cluster any more, and no longer separate from [[DC REITs]]: negated claims say nothing.

        """

    @Test func claimsTheDataDisagreesWithAreWarnedWithTheirLine() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        try Self.mixed.write(
            to: vault.root.appendingPathComponent("Sectors/Mixed.md"), atomically: true, encoding: .utf8)
        let warnings = try vault.update(mode: .look).plan.warnings.map(\.description).filter {
            $0.contains("is not what the prices say")
        }
        #expect(
            warnings == [
                "Sectors/Mixed.md:8: warning: 'distinct cluster' is not what the prices say: its tickers' mean "
                    + "silhouette is -0.52 (≤ 0) (see vaultgen clusters)",
                "Sectors/Mixed.md:8: warning: 'separate from the [[DC REITs]]' is not what the prices say: it shares "
                    + "EQIX with DC REITs (see vaultgen clusters)",
                "Sectors/Mixed.md:12: warning: 'Separate clusters' is not what the prices say: it shares HUT with "
                    + "Crypto-to-AI (see vaultgen clusters)",
            ])
    }

    @Test func twoSectorsTheTreeDoesNotSeparate() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        try Self.mixed.write(
            to: vault.root.appendingPathComponent("Sectors/Mixed.md"), atomically: true, encoding: .utf8)
        let pairs = "---\ntickers: [WULF, AMT]\n---\n\nNothing like the rest: separate from [[Mixed]].\n"
        try pairs.write(to: vault.root.appendingPathComponent("Sectors/Pairs.md"), atomically: true, encoding: .utf8)
        let warnings = try vault.update(mode: .look).plan.warnings.map(\.description).filter {
            $0.hasPrefix("Sectors/Pairs.md:")
        }
        #expect(
            warnings == [
                "Sectors/Pairs.md:5: warning: 'separate from [[Mixed]]' is not what the prices say: the tree does not "
                    + "separate its tickers from those of Mixed (see vaultgen clusters)"
            ])
    }

    @Test func theSeedNotesClaimsHoldOnTheSamplePrices() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let warnings = try vault.update(mode: .look).plan.warnings.map(\.description)
        #expect(!warnings.contains { $0.contains("is not what the prices say") }, "\(warnings)")
    }
}

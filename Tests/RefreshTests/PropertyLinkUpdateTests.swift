import Refresh
import Testing
import VaultModel

/// Links in front-matter properties count as backlinks, but `update` never takes one for a link of the body:
/// not for one listed in a Related section, a cell of an actors or metric table, or a chart embed.
@Suite("update and the links of front-matter properties")
struct PropertyLinkUpdateTests {
    @Test func aPropertyLinkIsABacklink() throws {
        let (_, text) = try plan([
            "Parent.md": "# Parent\n\n## Related\n- [[Home]]\n",
            "Child.md": "---\nup: \"[[Parent]]\"\n---\n# Child\n",
            "Home.md": "[[Parent]]\n",
        ])
        #expect(text("Parent.md") == "# Parent\n\n## Related\n- [[Home]]\n\n### Backlinks\n- [[Child]]\n")
    }

    /// `related: "[[Sibling]]"` is not in the Related section: Sibling, which links here, is still listed.
    @Test func aPropertyLinkIsNotListedInTheRelatedSection() throws {
        let (_, text) = try plan([
            "Child.md": "---\nrelated: \"[[Sibling]]\"\n---\n# Child\n\n## Related\n- [[Home]]\n",
            "Sibling.md": "[[Child]]\n",
            "Home.md": "[[Child]]\n",
        ])
        #expect(
            text("Child.md")
                == "---\nrelated: \"[[Sibling]]\"\n---\n# Child\n\n## Related\n- [[Home]]\n\n### Backlinks\n- [[Sibling]]\n"
        )
    }

    /// A property's link to a note with a `ticker:` adds no ticker, and a property's chart embed (a banner)
    /// is not drawn.
    @Test func aPropertyLinkIsNoTableCellAndNoChartEmbed() throws {
        let note = """
            ---
            up: "[[Gamma]]"
            banner: "![[group-sector-chart.png]]"
            ---
            #sector

            | Company | Role |
            |---|---|
            | [[Alpha]] | x |
            | [[Beta]] | y |

            Group (0.5 correlation)

            """
        let (plan, text) = try plan([
            "Links.md": note, "Alpha.md": "---\nticker: AAA\n---\n", "Beta.md": "---\nticker: CCC\n---\n",
            "Gamma.md": "---\nticker: BBB\n---\n",
        ])
        // AAA and CCC move against each other; with BBB (which moves with AAA) the average would be -0.33.
        #expect(text("Links.md").contains("Group (-1.0 correlation)"))
        #expect(plan.charts.isEmpty)
    }
}

import VaultModel

/// A note whose figures come from prices, with every place vaultgen owns in it.
///
/// Nothing in the note marks these places: they are recognised from how the user writes them (see
/// `SectorRecognizer`). A slot holds the byte ranges of what it owns and how they are formatted.
public struct SectorNote: Sendable {
    public var path: String
    /// The group's tickers, in the note's order.
    public var tickers: [String]
    /// Where the tickers came from, for messages.
    public var tickerSource: String
    /// `since` as written (`2024-01`), from the front matter or the Period row.
    public var since: String?
    /// `until` as written when the period names an end; nil means "present".
    public var until: String?
    public var slots: [FigureSlot]
    /// Places that look like a figure vaultgen owns but were changed by hand so that rewriting them could lose
    /// text: left as they are, and reported.
    public var problems: [String] = []
}

/// A number in a note, with the decimals it was written with.
public struct NumberSpan: Sendable, Equatable {
    public var range: Range<Int>
    public var decimals: Int
}

/// An interpretation label in a note (`Strong`, `near zero`), with its capitalisation.
public struct LabelSpan: Sendable, Equatable {
    public var range: Range<Int>
    public var capitalized: Bool
}

/// A pair's name in a note (`CORZ-IREN`, `HUT - IREN`), with the separator it was written with.
public struct PairSpan: Sendable, Equatable {
    public var range: Range<Int>
    public var separator: String
}

/// One figure vaultgen refreshes, and where it sits.
public enum FigureSlot: Sendable, Equatable {
    /// `(0.61 correlation)` in prose: the group's average.
    case groupAverage(NumberSpan)
    /// `HUT and IREN most correlated (0.70)` (or `least correlated`): the top (or bottom) pair.
    case extremePair(highest: Bool, first: Range<Int>, second: Range<Int>, number: NumberSpan)
    /// The metric table's `Avg correlation` row.
    case averageRow(NumberSpan, label: LabelSpan?)
    /// The metric table's `Range` row: lowest and highest pair values, and their names.
    case rangeRow(low: NumberSpan, high: NumberSpan, lowPair: PairSpan?, highPair: PairSpan?)
    /// The metric table's `vs [[Peer]]` row: the cross-group range and its label.
    case crossRow(peer: String, line: Int, low: NumberSpan, high: NumberSpan, label: LabelSpan?)
    /// The `Pair | Correlation` table: every pair, high to low.
    case pairTable(
        body: Range<Int>, line: Int, separator: String, boldTop: Bool, decimals: Int, aligned: MarkdownTable?)
    /// `EQIX-CORZ correlation: 0.10 (near zero)` in prose: one pair's value and label.
    case pairProse(a: String, b: String, line: Int, number: NumberSpan, label: LabelSpan?)

    /// The name used in summaries and warnings.
    public var name: String {
        switch self {
        case .groupAverage: return "average in prose"
        case .extremePair(let highest, _, _, _): return highest ? "most correlated pair" : "least correlated pair"
        case .averageRow: return "Avg correlation row"
        case .rangeRow: return "Range row"
        case .crossRow(let peer, _, _, _, _): return "vs [[\(peer)]] row"
        case .pairTable: return "pair table"
        case .pairProse(let a, let b, _, _, _): return "\(a)-\(b) correlation"
        }
    }
}

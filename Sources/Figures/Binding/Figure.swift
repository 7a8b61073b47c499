import VaultModel

/// A number in a note bound to what it measures, with the reason the binding is certain.
///
/// Only a bound figure is ever rewritten; every other number in a correlation context becomes a
/// `SkippedNumber` and is reported.
public struct Figure: Sendable, Equatable {
    /// What the figure measures.
    public enum Subject: Sendable, Equatable, CustomStringConvertible {
        /// The mean of the group's pairs (unrounded).
        case average
        /// The median of the group's pairs.
        case median
        /// One pair's r, inside the group or not.
        case pair(String, String)
        /// The group's top (or bottom) pair: its r, and its names where the note writes them.
        case extremePair(highest: Bool)
        /// The group's lowest and highest pair values (and their names where written).
        case range
        /// One ticker's mean r with the rest of the group.
        case tickerMean(String)
        /// The range of r between the group and a peer note's tickers (`vs [[Peer]]`).
        case cross(peer: String)
        /// The latest average of the group's pairs' rolling r over the last `days` common dates (`60-day avg
        /// correlation`); its trend word follows the change over the last `days` dates.
        case rollingAverage(days: Int)

        public var description: String {
            switch self {
            case .average: return "group average"
            case .median: return "group median"
            case .pair(let a, let b): return "pair \(a)-\(b)"
            case .extremePair(let highest): return highest ? "most correlated pair" : "least correlated pair"
            case .range: return "range of the group's pairs"
            case .tickerMean(let t): return "\(t)'s mean with the rest"
            case .cross(let peer): return "range against [[\(peer)]]"
            case .rollingAverage(let days): return "\(days)-day rolling average"
            }
        }
    }

    /// A claim the note makes about a pair or a ticker that a refresh cannot rewrite (it is qualified or
    /// names something outside the group), checked after the refresh and reported when it no longer holds.
    public enum Claim: Sendable, Equatable {
        /// `A and B most (least) correlated`, narrowed by words before it or naming a pair outside the group.
        case extremePair(highest: Bool, qualifier: String?)
        /// `A is the least (most) correlated with the others`.
        case extremeTicker(highest: Bool)
    }

    public var subject: Subject
    /// The numbers, in the note's order (two for a range: low then high).
    public var numbers: [NumberSpan]
    /// Where the pair's names are written (`HUT and IREN`, `CORZ-IREN to HUT-IREN`): replaced when the subject
    /// is the group's extreme pair or its range.
    public var names: [PairNames] = []
    public var label: LabelSpan?
    /// A trend word (`rising`, `falling`, `steady`) beside a rolling average, replaced by the current one.
    public var trend: LabelSpan?
    /// Which labels apply: `correlation` for a pair or an average, `clusters` for two groups.
    public var labelScale: LabelScale = .correlation
    public var claim: Claim?
    /// Where the figure sits: the line and column of its first number.
    public var position: SourcePosition
    /// What holds it (`prose`, `Avg correlation row`, `pair table`), for summaries.
    public var place: String
    /// Why the binding is certain, as `--explain` prints it.
    public var reason: String
    /// The window the figure's own sentence states, if any: the figure is refreshed only when it is the note's.
    public var window: WindowPhrase?

    public init(
        subject: Subject, numbers: [NumberSpan], names: [PairNames] = [], label: LabelSpan? = nil,
        labelScale: LabelScale = .correlation, claim: Claim? = nil, position: SourcePosition, place: String,
        reason: String
    ) {
        self.subject = subject
        self.numbers = numbers
        self.names = names
        self.label = label
        self.labelScale = labelScale
        self.claim = claim
        self.position = position
        self.place = place
        self.reason = reason
    }
}

public enum LabelScale: Sendable, Equatable {
    case correlation
    case clusters
}

/// A number in a note and how it was written.
public struct NumberSpan: Sendable, Equatable {
    public var range: Range<Int>
    public var form: NumberForm
    public var value: Double

    public init(range: Range<Int>, form: NumberForm, value: Double) {
        self.range = range
        self.form = form
        self.value = value
    }
}

/// An interpretation label in a note (`Strong`, `near zero`), with its capitalisation.
public struct LabelSpan: Sendable, Equatable {
    public var range: Range<Int>
    public var capitalized: Bool

    public init(range: Range<Int>, capitalized: Bool) {
        self.range = range
        self.capitalized = capitalized
    }
}

/// A pair's two names as written (`HUT and IREN`, `CORZ-IREN`): each ticker is replaced on its own, so the
/// separator, whatever it is, stays.
public struct PairNames: Sendable, Equatable {
    public var first: Range<Int>
    public var second: Range<Int>
    public var a: String
    public var b: String

    public init(first: Range<Int>, second: Range<Int>, a: String, b: String) {
        self.first = first
        self.second = second
        self.a = a
        self.b = b
    }
}

/// A number in a correlation context that vaultgen leaves as it is, and why.
public struct SkippedNumber: Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var position: SourcePosition
    public var reason: String

    public init(text: String, position: SourcePosition, reason: String) {
        self.text = text
        self.position = position
        self.reason = reason
    }

    /// `0.99 not refreshed: <reason>`
    public var description: String { "\(text) not refreshed: \(reason)" }
}

/// A `| Pair | Correlation |` table: each row's value bound to the row's own pair.
public struct PairTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var a: String
        public var b: String
        public var number: NumberSpan
        /// The row's bytes, without its line ending.
        public var range: Range<Int>
        public var line: Int
        public var bold: Bool
    }

    public var rows: [Row]
    /// From the first body row to the end of the last.
    public var body: Range<Int>
    public var line: Int
    /// The separator of the first row's pair (`HUT - IREN` → ` - `).
    public var separator: String
    /// Whether the note bolds the top pair's value (and no other).
    public var boldTop: Bool
    /// Whether the rows have only the pair and its value: then a regenerated table is laid out by
    /// `pair-table.mustache`; otherwise whole rows are moved, extra cells and all.
    public var twoColumns: Bool
    /// Whether every row was read: only then may the rows be re-sorted or regenerated.
    public var sortable = false
    public var table: MarkdownTable
}

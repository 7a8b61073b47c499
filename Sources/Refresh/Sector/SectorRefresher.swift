import Correlation
import Foundation
import Mustache
import VaultModel

/// Turns a sector note's slots and its figures into edits of the note's bytes.
///
/// A figure that cannot be computed is left exactly as written and comes back as a warning.
public struct SectorRefresher: Sendable {
    let templates: TemplateSet
    let labels: VaultConfig.LabelSettings

    public init(templates: TemplateSet, labels: VaultConfig.LabelSettings) {
        self.templates = templates
        self.labels = labels
    }

    /// The edits for every slot of `sector`, and a warning for each slot left as it was.
    public func edits(
        for sector: SectorNote, figures: SectorFigures, source: SourceText
    ) -> (edits: [TextEdit], warnings: [String]) {
        var edits: [TextEdit] = []
        var warnings: [String] = []
        let group = figures.group
        func needGroup(_ slot: FigureSlot) -> Bool {
            guard let problem = figures.groupProblem else { return true }
            warnings.append("\(slot.name) left as it was: \(problem)")
            return false
        }
        func set(_ span: NumberSpan, _ value: Double, _ name: String) {
            edits.append(TextEdit(range: span.range, replacement: Self.format(value, span.decimals), figure: name))
        }
        func setLabel(_ span: LabelSpan?, _ value: Double, _ thresholds: [VaultConfig.Threshold], _ name: String) {
            guard let span, let label = VaultConfig.LabelSettings.label(for: value, in: thresholds) else { return }
            edits.append(TextEdit(range: span.range, replacement: Self.cased(label, span.capitalized), figure: name))
        }
        for slot in sector.slots {
            switch slot {
            case .groupAverage(let number):
                guard needGroup(slot), let average = group.average else { continue }
                set(number, average, slot.name)
            case .extremePair(let highest, let first, let second, let number):
                guard needGroup(slot), let pair = highest ? group.highest : group.lowest, let r = pair.r else {
                    continue
                }
                edits.append(TextEdit(range: first, replacement: pair.a, figure: slot.name))
                edits.append(TextEdit(range: second, replacement: pair.b, figure: slot.name))
                set(number, r, slot.name)
            case .averageRow(let number, let label):
                guard needGroup(slot), let average = group.average else { continue }
                set(number, average, slot.name)
                setLabel(label, average, labels.correlation, slot.name)
            case .rangeRow(let low, let high, let lowPair, let highPair):
                guard needGroup(slot), let lowest = group.lowest, let highest = group.highest,
                    let lo = lowest.r, let hi = highest.r
                else { continue }
                set(low, lo, slot.name)
                set(high, hi, slot.name)
                if let lowPair {
                    edits.append(
                        TextEdit(
                            range: lowPair.range, replacement: lowest.a + lowPair.separator + lowest.b,
                            figure: slot.name))
                }
                if let highPair {
                    edits.append(
                        TextEdit(
                            range: highPair.range, replacement: highest.a + highPair.separator + highest.b,
                            figure: slot.name))
                }
            case .crossRow(let peer, _, let low, let high, let label):
                switch figures.cross(peer) {
                case .failure(let problem):
                    warnings.append("\(slot.name) left as it was: \(problem.reason)")
                case .success(let cross):
                    guard let lo = cross.lowest?.r, let hi = cross.highest?.r else { continue }
                    set(low, lo, slot.name)
                    set(high, hi, slot.name)
                    setLabel(label, hi, labels.clusters, slot.name)
                }
            case .pairTable(let body, _, let separator, let boldTop, let decimals, let aligned):
                guard needGroup(slot) else { continue }
                let rows = group.pairs.enumerated().map { index, pair in
                    PairRowView(
                        pair: pair.a + separator + pair.b, correlation: Self.format(pair.r ?? .nan, decimals),
                        top: boldTop && index == 0)
                }
                var text = templates.render("pair-table", PairTableView(rows: rows))
                if text.hasSuffix("\n") { text.removeLast() }
                if let aligned { text = TableAligner.align(text, like: aligned) }
                edits.append(TextEdit(range: body, replacement: Self.withLineEnding(text, source), figure: slot.name))
            case .pairProse(let a, let b, _, let number, let label):
                let pair = figures.matrix.pair(a, b)
                guard let r = pair.r else {
                    warnings.append("\(slot.name) left as it was: \(pair.reason ?? "n/a")")
                    continue
                }
                set(number, r, slot.name)
                setLabel(label, r, labels.correlation, slot.name)
            }
        }
        return (edits.filter { source.string($0.range) != $0.replacement }, warnings)
    }

    /// A number with the decimals the note used; never `-0.00`.
    static func format(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        let text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    static func cased(_ label: String, _ capitalized: Bool) -> String {
        guard let first = label.first else { return label }
        return (capitalized ? first.uppercased() : first.lowercased()) + label.dropFirst()
    }

    /// Template output uses `\n`; a note written with CRLF keeps CRLF.
    static func withLineEnding(_ text: String, _ source: SourceText) -> String {
        let ending = source.dominantLineEnding
        return ending == "\n" ? text : text.replacingOccurrences(of: "\n", with: ending)
    }
}

/// The view model of `pair-table.mustache`: stored, preformatted strings only.
///
/// View models answer Mustache's look-ups themselves (`MustacheParent`) instead of through `Mirror`, which was
/// the largest cost of rendering thousands of lists.
struct PairTableView: MustacheParent {
    let rows: [PairRowView]

    func child(named name: String) -> Any? {
        name == "rows" ? rows : nil
    }
}

struct PairRowView: MustacheParent {
    let pair: String
    let correlation: String
    let top: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "pair": return pair
        case "correlation": return correlation
        case "top": return top
        default: return nil
        }
    }
}

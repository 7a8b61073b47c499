import Correlation
import Figures
import Foundation
import VaultModel

/// What sector notes say about being a cluster of their own, checked against the average-linkage tree.
///
/// A note claims to be **distinct** with the words `distinct cluster`, and to be **separate from a sector** with
/// `separate from [[X]]` (or `separate from the [[X]] …`) or a `vs [[X]]` row labelled `Separate clusters`. The
/// data disagrees with "distinct" when the tree does not separate the note's tickers from another sector's, or
/// their mean silhouette is ≤ 0 (a sector sharing a ticker with it, such as its parent, is not a rival); with
/// "separate from X" when the two share a ticker or the tree does not separate them (see `ClusterAnalysis`).
/// The tree is that of every sector note's tickers, in the claiming note's window. Each claim the data
/// disagrees with is one warning naming its line; nothing is rewritten. A negated claim (`not a distinct
/// cluster`, `no longer separate from [[X]]`) claims nothing.
struct ClusterClaims {
    /// One claim and where it is.
    struct Claim: Equatable {
        enum Kind: Equatable {
            case distinct
            /// The link target as written.
            case separate(from: String)
        }
        var kind: Kind
        var line: Int
        /// The words as written, for the message.
        var text: String
    }

    let updater: VaultUpdater

    /// Every claim of the selected sector notes the data disagrees with.
    func warnings(
        sectors: [SectorNote], prices: [String: Result<PriceSeries, PriceProblem>], asOf: Day?
    ) -> [UpdatePlan.Warning] {
        let claims = sectors.map { Self.claims(in: updater.sources[$0.index], note: updater.vault.notes[$0.index]) }
        guard claims.contains(where: { !$0.isEmpty }) else { return [] }
        // Sectors are named by path here: two notes may share a name in different folders.
        let all = updater.sectorNotes().filter { !$0.tickers.isEmpty }
        let groups = all.map { Sector(name: $0.path, tickers: $0.tickers) }
        var universe: [String] = []
        var seen = Set<String>()
        for group in groups { universe += group.tickers.filter { seen.insert($0).inserted } }
        var analyses: [(options: CorrelationOptions, analysis: ClusterAnalysis)] = []
        var warnings: [UpdatePlan.Warning] = []
        for (sector, found) in zip(sectors, claims) where !found.isEmpty && !sector.tickers.isEmpty {
            let options = updater.correlationOptions(for: sector, asOf: asOf, prices: prices)
            let analysis: ClusterAnalysis
            if let known = analyses.first(where: { $0.options == options }) {
                analysis = known.analysis
            } else {
                let matrix = CorrelationEngine.matrix(prices, tickers: universe, options: options)
                analysis = ClusterAnalysis(distances: DistanceMatrix(matrix: matrix), sectors: groups)
                analyses.append((options, analysis))
            }
            for claim in found {
                if let problem = disagreement(claim, of: sector, analysis: analysis) {
                    warnings.append(
                        UpdatePlan.Warning(
                            path: sector.path, line: claim.line,
                            message: "'\(claim.text)' is not what the prices say: \(problem) (see vaultgen clusters)"))
                }
            }
        }
        return warnings
    }

    /// Why the data disagrees with `claim`, or nil when it agrees or cannot be checked.
    private func disagreement(_ claim: Claim, of sector: SectorNote, analysis: ClusterAnalysis) -> String? {
        guard let fit = analysis.sector(named: sector.path), !fit.tickers.isEmpty else { return nil }
        switch claim.kind {
        case .distinct:
            let others = analysis.notDistinct(from: sector.path).map(name(of:))
            if !others.isEmpty {
                let shown = others.prefix(3).joined(separator: ", ")
                let more = others.count > 3 ? " and \(others.count - 3) more" : ""
                return "the tree does not separate its tickers from those of \(shown)\(more)"
            }
            if let silhouette = fit.silhouette, silhouette <= 0 {
                return "its tickers' mean silhouette is \(String(format: "%.2f", silhouette)) (≤ 0)"
            }
            return nil
        case .separate(let target):
            guard case .file(let file, _) = updater.resolver.resolve(target, from: sector.path),
                let index = updater.resolver.index.files[file].note,
                let other = updater.sectorNotes().first(where: { $0.index == index }), !other.tickers.isEmpty
            else { return nil }
            let shared = sector.tickers.filter(other.tickers.contains)
            if !shared.isEmpty {
                return "it shares \(shared.joined(separator: ", ")) with \(name(of: other.path))"
            }
            guard analysis.separates(sector.path, other.path) == false else { return nil }
            return "the tree does not separate its tickers from those of \(name(of: other.path))"
        }
    }

    private func name(of path: String) -> String {
        VaultPath.stem(of: path)
    }

    /// The claims in the prose and tables of a note (never in code, HTML or front matter).
    static func claims(in source: SourceText, note: Note) -> [Claim] {
        var lines = Set<Int>()
        for block in note.blocks {
            switch block.kind {
            case .paragraph, .heading: lines.formUnion(block.startLine...max(block.startLine, block.endLine))
            default: continue
            }
        }
        var claims: [Claim] = []
        for line in lines.sorted() where line <= source.lineCount {
            let text = source.string(source.lineContent(line))
            let lower = text.lowercased()
            if let range = lower.range(of: "distinct cluster"), !negated(lower, before: range.lowerBound) {
                claims.append(Claim(kind: .distinct, line: line, text: String(text[range])))
            }
            for pattern in ["separate from [[", "separate from the [["] {
                var from = lower.startIndex
                while let range = lower.range(of: pattern, range: from..<lower.endIndex) {
                    from = range.upperBound
                    guard !negated(lower, before: range.lowerBound),
                        let target = linkTarget(in: text, at: range.upperBound)
                    else { continue }
                    let words = String(text[range.lowerBound..<range.upperBound]) + target + "]]"
                    claims.append(Claim(kind: .separate(from: target), line: line, text: words))
                }
            }
            if let label = lower.range(of: "separate clusters"), let vs = lower.range(of: "vs [["),
                let target = linkTarget(in: text, at: vs.upperBound)
            {
                claims.append(Claim(kind: .separate(from: target), line: line, text: String(text[label])))
            }
        }
        return claims
    }

    /// Whether the words right before `index` deny the claim: `not a`, `not`, `no longer`, `isn't`, `never`.
    private static func negated(_ lower: String, before index: String.Index) -> Bool {
        let words = lower[..<index].split(whereSeparator: { $0 == " " || $0 == "," }).suffix(3)
        let last = words.last == "a" || words.last == "an" ? words.dropLast() : words[...]
        return last.contains { ["not", "no", "longer", "isn't", "never", "nor"].contains($0) }
    }

    /// The target of the wiki-link whose `[[` ends at `start`: up to `|`, `#` or `]]`.
    private static func linkTarget(in text: String, at start: String.Index) -> String? {
        guard let close = text.range(of: "]]", range: start..<text.endIndex) else { return nil }
        let inside = text[start..<close.lowerBound]
        let target = inside.prefix { $0 != "|" && $0 != "#" }
        return target.isEmpty ? nil : String(target)
    }
}

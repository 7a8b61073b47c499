import Charts
import Correlation
import Figures
import Mustache
import VaultModel

/// The vault's sectors at a glance: every sector note with tickers, clustered together in one window.
///
/// The figures are `vaultgen clusters`'s (`ClusterAnalysis`): one correlation matrix over every sector note's
/// tickers with the vault's `correlation:` settings, average linkage on `1 − r`, and per sector its cohesion,
/// nearest sector, separation, mean silhouette and findings. Sectors are keyed by note path (two notes may share
/// a name in different folders) and shown by name.
public struct SectorMap: Sendable {
    /// The sector notes with tickers, in vault order.
    public let notes: [SectorNote]
    public let matrix: CorrelationMatrix
    public let analysis: ClusterAnalysis
    /// How each sector is linked: `[[Name]]`, or `[[Folder/Name]]` when two sector notes share the name.
    public let links: [String: String]

    /// Clusters every ticker of `notes` (those with tickers) in the window of `options`.
    public init(notes: [SectorNote], prices: [String: Result<PriceSeries, PriceProblem>], options: CorrelationOptions) {
        let notes = notes.filter { !$0.tickers.isEmpty }
        var universe: [String] = []
        var seen = Set<String>()
        for note in notes { universe += note.tickers.filter { seen.insert($0).inserted } }
        let matrix = CorrelationEngine.matrix(prices, tickers: universe, options: options)
        self.notes = notes
        self.matrix = matrix
        analysis = ClusterAnalysis(
            distances: DistanceMatrix(matrix: matrix), sectors: notes.map { Sector(name: $0.path, tickers: $0.tickers) }
        )
        var names: [String: Int] = [:]
        for note in notes { names[VaultPath.stem(of: note.path), default: 0] += 1 }
        links = Dictionary(
            notes.map { note in
                let name = VaultPath.stem(of: note.path)
                let target = names[name, default: 0] > 1 ? String(note.path.dropLast(3)) : name
                return (note.path, "[[\(target)]]")
            }, uniquingKeysWith: { first, _ in first })
    }

    /// One table row per sector, its numbers with two decimals (`n/a` when there is none).
    public func rows() -> [SectorMapRow] {
        analysis.sectors.map { fit in
            var findings: [String] = []
            for finding in analysis.findings {
                switch finding {
                case .closerToOtherSector(let ticker, let sector, let other, _, _) where sector == fit.name:
                    findings.append("\(ticker) closer to \(link(other))")
                case .weakSector(let sector, let silhouette) where sector == fit.name:
                    findings.append("not a cluster (silhouette \(Self.decimals(silhouette)))")
                case .notDistinct(let a, let b) where a == fit.name || b == fit.name:
                    findings.append("not distinct from \(link(a == fit.name ? b : a))")
                default: continue
                }
            }
            var tickers = fit.tickers.joined(separator: ", ")
            if !fit.missing.isEmpty { tickers += " (left out: \(fit.missing.joined(separator: ", ")))" }
            return SectorMapRow(
                sector: link(fit.name), tickers: tickers, average: Self.decimals(fit.cohesion),
                nearest: fit.nearest.map(link) ?? "n/a", cross: Self.decimals(fit.separation),
                silhouette: Self.decimals(fit.silhouette),
                findings: findings.isEmpty ? "none" : findings.joined(separator: "; "))
        }
    }

    private func link(_ path: String) -> String {
        links[path] ?? "[[\(VaultPath.stem(of: path))]]"
    }

    /// `0.70`, `n/a` for none; never `-0.00`.
    static func decimals(_ value: Double?) -> String {
        value.map { FigureEditor.format($0) } ?? "n/a"
    }

    /// The window and convention, for the pictures' subtitles.
    var subtitle: String {
        let method = matrix.options.method == .spearman ? "Spearman" : "Pearson"
        let returns = matrix.options.returns == .log ? "log" : "simple"
        guard let from = matrix.from, let to = matrix.to else { return "\(method), \(returns) daily returns" }
        return "\(method), \(returns) daily returns, \(from.iso) to \(to.iso), average linkage on 1 \u{2212} r"
    }

    /// The correlations of every clustered ticker in the tree's leaf order, each run of tickers with the same
    /// sectors outlined and named.
    public func heatMap(title: String) -> HeatMap {
        let distances = analysis.distances
        let order = analysis.dendrogram.root.map { analysis.dendrogram.leaves(of: $0) } ?? []
        let labels = distances.tickers
        let values = labels.indices.flatMap { i in labels.indices.map { j in i == j ? 1.0 : distances.r(i, j) } }
        var map = HeatMap(title: title, subtitle: subtitle, labels: labels, values: values.map { $0 }).reordered(order)
        let sectorsOf = self.sectorsOf()
        var start = 0
        for k in order.indices where k + 1 == order.count || sectorsOf[order[k + 1]] != sectorsOf[order[k]] {
            let names = sectorsOf[order[k]].map { VaultPath.stem(of: analysis.sectors[$0].name) }
            map.bands.append(HeatMap.Band(name: names.joined(separator: ", "), labels: start..<(k + 1)))
            start = k + 1
        }
        return map
    }

    /// The average-linkage tree of every clustered ticker, each marked with its sectors' colours.
    public func dendrogram(title: String) -> DendrogramChart {
        DendrogramChart(
            title: title, subtitle: subtitle, labels: analysis.distances.tickers, groups: sectorsOf(),
            groupNames: analysis.sectors.map { VaultPath.stem(of: $0.name) }, dendrogram: analysis.dendrogram)
    }

    /// For each clustered ticker, the sectors (indices into `analysis.sectors`) it belongs to.
    private func sectorsOf() -> [[Int]] {
        var out = [[Int]](repeating: [], count: analysis.distances.tickers.count)
        for (s, fit) in analysis.sectors.enumerated() {
            for ticker in fit.tickers {
                if let i = analysis.distances.position(of: ticker) { out[i].append(s) }
            }
        }
        return out
    }
}

/// One row of the sector map table, as the template lays it out: stored, preformatted strings.
public struct SectorMapRow: Sendable, Equatable, MustacheParent {
    public let sector: String
    public let tickers: String
    public let average: String
    public let nearest: String
    public let cross: String
    public let silhouette: String
    public let findings: String

    public func child(named name: String) -> Any? {
        switch name {
        case "sector": return sector
        case "tickers": return tickers
        case "average": return average
        case "nearest": return nearest
        case "cross": return cross
        case "silhouette": return silhouette
        case "findings": return findings
        default: return nil
        }
    }
}

/// The view model of `sector-map-table.mustache`.
struct SectorMapTableView: MustacheParent {
    let rows: [SectorMapRow]

    func child(named name: String) -> Any? {
        name == "rows" ? rows : nil
    }
}

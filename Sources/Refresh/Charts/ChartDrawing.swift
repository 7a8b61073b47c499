import Charts
import Correlation
import Figures
import VaultModel

/// A chart to write: where, and its bytes.
public struct ChartDrawing: Sendable {
    /// The vault path of the picture.
    public var path: String
    /// The note that embeds it.
    public var note: String
    public var kind: ChartEmbed.Kind
    public var bytes: [UInt8]

    /// How warnings name it: `sector chart crypto-to-ai-sector-chart.png`.
    public var name: String { "\(kind.rawValue) \(VaultPath.fileName(of: path))" }
}

/// Draws the charts a sector note embeds from the same prices and window as its figures.
struct ChartPlanner: Sendable {
    let vault: Vault
    let resolver: LinkResolver

    /// The drawings for `sector`'s chart embeds, and a warning for each chart left as it was.
    func drawings(
        for sector: SectorNote, note: Note, figures: SectorFigures,
        prices: [String: Result<PriceSeries, PriceProblem>], options: CorrelationOptions
    ) -> (drawings: [ChartDrawing], warnings: [String]) {
        var drawings: [ChartDrawing] = []
        var warnings: [String] = []
        for embed in ChartEmbed.find(in: note) where !embed.kind.isSectorMap {
            let name = "\(embed.kind.rawValue) \(VaultPath.fileName(of: embed.target))"
            guard let path = outputPath(for: embed, from: note) else {
                warnings.append("\(name) left as it was: its path leaves the vault")
                continue
            }
            if let problem = figures.groupProblem ?? rollingProblem(embed.kind, sector: sector, figures: figures) {
                warnings.append("\(name) left as it was: \(problem)")
                continue
            }
            do {
                let image = try draw(
                    embed.kind, format: embed.isSVG ? .svg : .png, sector: sector, note: note, figures: figures,
                    prices: prices, options: options)
                drawings.append(ChartDrawing(path: path, note: note.path, kind: embed.kind, bytes: image.bytes))
            } catch {
                warnings.append("\(name) left as it was: \(error)")
            }
        }
        return (drawings, warnings)
    }

    /// One chart of a sector note, drawn from the prices and window of its figures.
    func draw(
        _ kind: ChartEmbed.Kind, format: ChartImage.Format, sector: SectorNote, note: Note, figures: SectorFigures,
        prices: [String: Result<PriceSeries, PriceProblem>], options: CorrelationOptions
    ) throws(ChartError) -> ChartImage {
        switch kind {
        case .sectorChart:
            let series = sector.tickers.compactMap { try? prices[$0]?.get() }
            return try LineChart.rebased(
                title: note.name, prices: series, since: options.since, until: figures.matrix.to
            )
            .render(as: format)
        case .heatMap:
            let group = CorrelationEngine.matrix(prices, tickers: sector.tickers, options: options)
            return try HeatMap.correlations(
                title: "\(note.name): correlation of daily returns", subtitle: Self.window(figures.matrix),
                matrix: group
            ).render(as: format)
        case .rollingCorrelation:
            let window = vault.config.correlation.rolling
            let group = RollingCorrelation.group(prices, tickers: sector.tickers, window: window, options: options)
            let peer = Self.peer(of: sector).flatMap { name -> (String, RollingCorrelation)? in
                guard case .success(let tickers) = figures.peers[name] else { return nil }
                return (
                    name,
                    .cross(prices, groupA: sector.tickers, groupB: tickers, window: window, options: options)
                )
            }
            let returns = options.returns == .log ? "log daily returns" : "simple daily returns"
            return try LineChart.rollingCorrelation(
                title: "\(note.name): rolling correlation", group: group, peer: peer, returns: returns
            ).render(as: format)
        case .sectorMapHeatMap, .sectorDendrogram:
            // `drawings` leaves these to the sector map note; `vaultgen chart` asks only for the two above.
            throw ChartError.drawingFailed(reason: "only a sector map note draws a \(kind.rawValue)")
        }
    }

    /// The peer of the note's first `vs [[Peer]]` row, whose line the rolling chart draws too.
    static func peer(of sector: SectorNote) -> String? {
        for figure in sector.figures {
            if case .cross(let peer) = figure.subject { return peer }
        }
        return nil
    }

    /// Why a rolling chart would be incomplete: the peer's tickers or prices are missing, or no pair of the
    /// group has a full window; nil for any other chart.
    private func rollingProblem(_ kind: ChartEmbed.Kind, sector: SectorNote, figures: SectorFigures) -> String? {
        guard kind == .rollingCorrelation else { return nil }
        if let peer = Self.peer(of: sector) {
            switch figures.peers[peer] ?? .failure(.init(reason: "no note named \(peer)")) {
            case .failure(let problem): return "the line against [[\(peer)]]: \(problem.reason)"
            case .success(let tickers):
                if let missing = figures.missingPrices(tickers) { return "the line against [[\(peer)]]: \(missing)" }
            }
        }
        let window = vault.config.correlation.rolling
        let pairs = figures.group.pairs
        guard pairs.contains(where: { $0.overlap >= window }) else {
            return "no pair of the group has \(window) common days in the window (correlation: rolling: \(window))"
        }
        return nil
    }

    /// The embed's file if it exists, else where Obsidian would put a new attachment.
    func outputPath(for embed: ChartEmbed, from note: Note) -> String? {
        switch resolver.resolve(embed.target, from: note.path) {
        case .file(let file, _):
            return resolver.index.files[file].path
        case .outsideVault:
            return nil
        case .missing:
            guard let folder = vault.newAttachmentFolder(forNoteAt: note.path) else { return nil }
            return VaultPath.normalize(VaultPath.join(folder, VaultPath.fileName(of: embed.target)))
        }
    }

    private static func window(_ matrix: CorrelationMatrix) -> String {
        let method = matrix.options.method == .spearman ? "Spearman" : "Pearson"
        let returns = matrix.options.returns == .log ? "log" : "simple"
        guard let from = matrix.from, let to = matrix.to else { return "\(method), \(returns) daily returns" }
        return "\(method), \(returns) daily returns, \(from.iso) to \(to.iso)"
    }
}

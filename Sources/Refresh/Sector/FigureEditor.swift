import Correlation
import Figures
import Foundation
import Mustache
import VaultModel

/// Turns a sector note's bound figures and the computed values into edits of the note's bytes.
///
/// A figure that cannot be computed is left exactly as written and comes back as a warning with its line;
/// so does every number the binder skipped.
public struct FigureEditor: Sendable {
    let templates: TemplateSet
    let labels: VaultConfig.LabelSettings

    public init(templates: TemplateSet, labels: VaultConfig.LabelSettings) {
        self.templates = templates
        self.labels = labels
    }

    /// What editing one note gives.
    public struct Outcome: Sendable {
        public var edits: [TextEdit] = []
        public var warnings: [UpdatePlan.Warning] = []
        /// One line per owned figure: `12:31 prose, group average: 0.61 → 0.62 (why)`, for `--explain`.
        public var explained: [String] = []
    }

    public func edit(_ sector: SectorNote, figures: SectorFigures, source: SourceText) -> Outcome {
        var out = Outcome()
        func warn(_ position: SourcePosition?, _ message: String) {
            out.warnings.append(
                UpdatePlan.Warning.figure(
                    path: sector.path, line: position?.line, column: position?.column, message: message))
        }
        if let window = sector.unreadableWindow {
            warn(
                SourcePosition(line: window.line, column: 1),
                "figures not refreshed: the note states a window vaultgen cannot read ('\(window.text)'); write it as 2024-01 to present, since Jan 2024, last 12 months or YTD"
            )
            for figure in sector.figures {
                for number in figure.numbers {
                    out.explained.append(
                        "\(source.position(of: number.range.lowerBound)) \(figure.place), \(figure.subject): \(source.string(number.range)) left: the window cannot be read"
                    )
                }
            }
            for skipped in sector.skipped { warn(skipped.position, skipped.description) }
            return out
        }
        if let problem = figures.groupProblem, sector.figures.contains(where: needsGroup) || !sector.pairTables.isEmpty
        {
            warn(SourcePosition(line: sector.group?.line ?? 1, column: 1), "group figures not refreshed: \(problem)")
        }
        for figure in sector.figures {
            edit(figure, sector: sector, figures: figures, source: source, into: &out)
        }
        for table in sector.pairTables {
            edit(table, figures: figures, source: source, path: sector.path, into: &out)
        }
        for skipped in sector.skipped {
            warn(skipped.position, skipped.description)
        }
        out.edits = out.edits.filter { source.string($0.range) != $0.replacement }
        return out
    }

    private func needsGroup(_ figure: Figure) -> Bool {
        switch figure.subject {
        case .pair, .cross: return false
        default: return true
        }
    }

    private func edit(
        _ figure: Figure, sector: SectorNote, figures: SectorFigures, source: SourceText, into out: inout Outcome
    ) {
        let group = figures.group
        var edits: [TextEdit] = []
        var values: [Double] = []
        func set(_ span: NumberSpan, _ value: Double) {
            values.append(value)
            edits.append(TextEdit(range: span.range, replacement: span.form.format(value), figure: figure.place))
        }
        func setLabel(_ value: Double, rounded span: NumberSpan, scale: LabelScale) {
            guard let label = figure.label,
                let text = VaultConfig.LabelSettings.label(
                    for: span.form.rounded(value), in: scale == .clusters ? labels.clusters : labels.correlation)
            else { return }
            edits.append(
                TextEdit(range: label.range, replacement: Self.cased(text, label.capitalized), figure: figure.place))
        }
        func names(_ written: PairNames, _ pair: PairCorrelation) {
            // The same pair written the other way round (`CORZ and WULF`) stays as the note wrote it.
            guard Set([written.a, written.b]) != Set([pair.a, pair.b]) else { return }
            edits.append(TextEdit(range: written.first, replacement: pair.a, figure: figure.place))
            edits.append(TextEdit(range: written.second, replacement: pair.b, figure: figure.place))
        }
        func leave(_ why: String) {
            let first = figure.numbers.first.map { source.string($0.range) } ?? ""
            out.warnings.append(
                UpdatePlan.Warning.figure(
                    path: sector.path, line: figure.position.line, column: figure.position.column,
                    message: "\(first) not refreshed (\(figure.subject)): \(why)"))
            out.explained.append("\(figure.position) \(figure.place), \(figure.subject): \(first) left: \(why)")
        }
        let groupReady = figures.groupProblem == nil
        switch figure.subject {
        case .average, .median:
            guard groupReady else { return leave("the group's figures cannot be computed") }
            guard let value = figure.subject == .average ? group.average : figures.median else { return leave("n/a") }
            set(figure.numbers[0], value)
            setLabel(value, rounded: figure.numbers[0], scale: .correlation)
        case .pair(let a, let b):
            let pair = figures.matrix.pair(a, b)
            guard let r = pair.r else { return leave(figures.pairProblem(pair)) }
            set(figure.numbers[0], r)
            setLabel(r, rounded: figure.numbers[0], scale: .correlation)
            if let claim = figure.claim {
                checkClaim(claim, pair: (a, b), figure: figure, figures: figures, sector: sector, into: &out)
            }
        case .extremePair(let highest):
            guard groupReady else { return leave("the group's figures cannot be computed") }
            guard let pair = highest ? group.highest : group.lowest, let r = pair.r else { return leave("n/a") }
            if let written = figure.names.first { names(written, pair) }
            set(figure.numbers[0], r)
            setLabel(r, rounded: figure.numbers[0], scale: .correlation)
        case .range:
            guard groupReady else { return leave("the group's figures cannot be computed") }
            guard let lowest = group.lowest, let highest = group.highest, let lo = lowest.r, let hi = highest.r else {
                return leave("n/a")
            }
            set(figure.numbers[0], lo)
            set(figure.numbers[1], hi)
            if figure.names.count == 2 {
                names(figure.names[0], lowest)
                names(figure.names[1], highest)
            }
            separator(figure, lo, hi, source: source, into: &edits)
        case .tickerMean(let ticker):
            guard groupReady else { return leave("the group's figures cannot be computed") }
            guard let mean = group.meanToOthers.first(where: { $0.ticker == ticker })?.mean else { return leave("n/a") }
            set(figure.numbers[0], mean)
            if case .extremeTicker(let highest) = figure.claim {
                let means = group.meanToOthers.compactMap { m in m.mean.map { (m.ticker, $0) } }
                let extreme = highest ? means.max { $0.1 < $1.1 } : means.min { $0.1 < $1.1 }
                if let extreme, extreme.0 != ticker {
                    out.warnings.append(
                        UpdatePlan.Warning.figure(
                            path: sector.path, line: figure.position.line, column: figure.position.column,
                            message:
                                "the claim that \(ticker) is the \(highest ? "most" : "least") correlated with the others no longer holds: \(extreme.0) is (mean r \(figure.numbers[0].form.format(extreme.1)))"
                        ))
                }
            }
        case .rollingAverage(let days):
            guard groupReady else { return leave("the group's figures cannot be computed") }
            guard let rolling = figures.rolling[days], let latest = rolling.latest else {
                return leave("no pair of the group has \(days) common days in the window")
            }
            set(figure.numbers[0], latest)
            setLabel(latest, rounded: figure.numbers[0], scale: .correlation)
            guard let trend = figure.trend else { break }
            if let change = rolling.change(over: days) {
                let word = Self.cased(labels.trend.word(for: change), trend.capitalized)
                edits.append(TextEdit(range: trend.range, replacement: word, figure: figure.place))
            } else {
                out.warnings.append(
                    UpdatePlan.Warning.figure(
                        path: sector.path, line: figure.position.line, column: figure.position.column,
                        message:
                            "trend '\(source.string(trend.range))' left as written: the change over \(days) days needs \(days + 1) values of the rolling average, and the window gives \(rolling.values.count)"
                    ))
            }
        case .cross(let peer):
            switch figures.cross(peer) {
            case .failure(let problem): return leave(problem.reason)
            case .success(let cross):
                guard let lo = cross.lowest?.r, let hi = cross.highest?.r else { return leave("n/a") }
                set(figure.numbers[0], lo)
                set(figure.numbers[1], hi)
                setLabel(hi, rounded: figure.numbers[1], scale: .clusters)
                separator(figure, lo, hi, source: source, into: &edits)
            }
        }
        let old = figure.numbers.map { source.string($0.range) }.joined(separator: " – ")
        let new = zip(figure.numbers, values).map { $0.form.format($1) }.joined(separator: " – ")
        out.explained.append(
            "\(figure.position) \(figure.place), \(figure.subject): \(old) → \(new) (\(figure.reason))")
        let subject = "\(figure.subject)"
        out.edits += edits.map { edit in
            var edit = edit
            edit.subject = subject
            return edit
        }
    }

    /// `-0.10-0.37` reads as nonsense: a range with a negative end written with a bare `-` gets ` to `.
    private func separator(
        _ figure: Figure, _ lo: Double, _ hi: Double, source: SourceText, into edits: inout [TextEdit]
    ) {
        guard figure.numbers.count == 2 else { return }
        let gap = figure.numbers[0].range.upperBound..<figure.numbers[1].range.lowerBound
        let negative =
            figure.numbers[0].form.format(lo).hasPrefix("-") || figure.numbers[1].form.format(hi).hasPrefix("-")
        if negative, source.string(gap) == "-" {
            edits.append(TextEdit(range: gap, replacement: " to ", figure: figure.place))
        }
    }

    /// A claim about a pair that the refresh keeps as written: say whether it still holds.
    private func checkClaim(
        _ claim: Figure.Claim, pair: (String, String), figure: Figure, figures: SectorFigures, sector: SectorNote,
        into out: inout Outcome
    ) {
        guard case .extremePair(let highest, let qualifier) = claim else { return }
        let word = highest ? "most" : "least"
        let inGroup = sector.tickers.contains(pair.0) && sector.tickers.contains(pair.1)
        var message: String
        if let qualifier {
            message =
                "'\(pair.0) and \(pair.1) \(word) correlated' is narrowed by '\(qualifier)': refreshed its r, kept its names; vaultgen cannot check the claim within that scope"
        } else {
            message =
                "'\(pair.0) and \(pair.1) \(word) correlated' names a pair outside the note's group: refreshed its r, kept its names"
        }
        if inGroup, figures.groupProblem == nil, let extreme = highest ? figures.group.highest : figures.group.lowest {
            let same = Set([extreme.a, extreme.b]) == Set([pair.0, pair.1])
            message +=
                same
                ? "; across the whole group it holds"
                : "; across the whole group it does not hold (\(extreme.a)-\(extreme.b) is \(figure.numbers[0].form.format(extreme.r ?? .nan)))"
        }
        out.warnings.append(
            UpdatePlan.Warning.figure(
                path: sector.path, line: figure.position.line, column: figure.position.column, message: message))
    }

    // MARK: Pair tables

    private func edit(
        _ table: PairTable, figures: SectorFigures, source: SourceText, path: String, into out: inout Outcome
    ) {
        let group = figures.group
        let rowPairs = table.rows.map { Set([$0.a, $0.b]) }
        // The group's pairs as sets only when the table could be the group's: a group of thousands has millions.
        let exactlyTheGroup =
            table.sortable && figures.groupProblem == nil && rowPairs.count == group.pairs.count
            && Set(rowPairs) == Set(group.pairs.map { Set([$0.a, $0.b]) })
        let decimals = table.rows[0].number.form
        if exactlyTheGroup, table.twoColumns {
            let rows = group.pairs.enumerated().map { index, pair in
                PairRowView(
                    pair: pair.a + table.separator + pair.b, correlation: decimals.format(pair.r ?? .nan),
                    top: table.boldTop && index == 0)
            }
            var text = templates.render("pair-table", PairTableView(rows: rows))
            if text.hasSuffix("\n") { text.removeLast() }
            if table.table.isAligned { text = TableAligner.align(text, like: table.table) }
            out.edits.append(
                TextEdit(range: table.body, replacement: Self.withLineEnding(text, source), figure: "pair table"))
            out.explained.append(
                "\(table.line):1 pair table: \(rows.count) rows, high to low (its pairs are exactly the group's)")
            return
        }
        if exactlyTheGroup {
            // Extra columns: each row moves whole, keeping its own cells, with its value refreshed.
            var texts: [String] = []
            for pair in group.pairs {
                guard let row = table.rows.first(where: { Set([$0.a, $0.b]) == Set([pair.a, pair.b]) }), let r = pair.r
                else {
                    return
                }
                let before = source.string(row.range.lowerBound..<row.number.range.lowerBound)
                let after = source.string(row.number.range.upperBound..<row.range.upperBound)
                texts.append(before + row.number.form.format(r) + after)
            }
            let ending = source.dominantLineEnding
            out.edits.append(
                TextEdit(range: table.body, replacement: texts.joined(separator: ending), figure: "pair table"))
            out.explained.append(
                "\(table.line):1 pair table: \(texts.count) rows, high to low, each with its own cells")
            return
        }
        for row in table.rows {
            let pair = figures.matrix.pair(row.a, row.b)
            let at = source.position(of: row.number.range.lowerBound)
            guard let r = pair.r else {
                out.warnings.append(
                    UpdatePlan.Warning.figure(
                        path: path, line: at.line, column: at.column,
                        message:
                            "\(source.string(row.number.range)) not refreshed (pair \(row.a)-\(row.b)): \(figures.pairProblem(pair))"
                    ))
                continue
            }
            out.edits.append(
                TextEdit(
                    range: row.number.range, replacement: row.number.form.format(r), figure: "pair table row",
                    subject: "pair \(row.a)-\(row.b)"))
            out.explained.append(
                "\(at) pair table row, pair \(row.a)-\(row.b): \(source.string(row.number.range)) → \(row.number.form.format(r)) (the row's own pair)"
            )
        }
    }

    // MARK: Text

    static func cased(_ label: String, _ capitalized: Bool) -> String {
        guard let first = label.first else { return label }
        return (capitalized ? first.uppercased() : first.lowercased()) + label.dropFirst()
    }

    /// Template output uses `\n`; a note written with CRLF keeps CRLF.
    static func withLineEnding(_ text: String, _ source: SourceText) -> String {
        let ending = source.dominantLineEnding
        return ending == "\n" ? text : text.replacingOccurrences(of: "\n", with: ending)
    }

    /// A number with two decimals (or `decimals`); never `-0.00`.
    static func format(_ value: Double, _ decimals: Int = 2) -> String {
        NumberForm(decimals: decimals).format(value)
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

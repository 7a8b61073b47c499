import VaultModel

/// Prose: each sentence (or list item) is read on its own; a number binds to a subject only when the
/// sentence names exactly one thing it can be about.
extension FigureBinder {
    /// What a sentence names, in order.
    struct Mentions {
        /// Two tickers joined by `-`, `/`, `&`, `and`, `vs`: token indices of both.
        var pairs: [(first: Int, second: Int)] = []
        /// Known tickers named on their own (or in a list of three or more).
        var singles: [Int] = []
        /// Words of a whole: `average`, `cluster`, `group`…
        var whole: [String] = []
        var extreme: (highest: Bool, index: Int)?
        var others = false
        var range = false
        var correlation = false
        var clusterWord = false
    }

    func bindProse(_ tokens: [FigureToken], into result: inout Result) {
        for sentence in sentences(tokens) {
            bindSentence(sentence, into: &result)
        }
    }

    /// Splits at `.`, `!` and `?` that end a sentence (not `corr.`, `vs.`, `e.g.`).
    func sentences(_ tokens: [FigureToken]) -> [[FigureToken]] {
        var out: [[FigureToken]] = []
        var current: [FigureToken] = []
        for (i, token) in tokens.enumerated() {
            current.append(token)
            // A semicolon joins two sentences as far as figures go: `Cluster 0.61; HUT-IREN 0.70`.
            guard
                token.isPunctuation(".") || token.isPunctuation("!") || token.isPunctuation("?")
                    || token.isPunctuation(";")
            else { continue }
            if token.isPunctuation("."), i > 0, let previous = tokens[i - 1].word,
                [
                    "corr", "avg", "vs", "approx", "e", "g", "i", "etc", "est", "incl", "sept", "jan", "feb", "mar",
                    "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "no", "v",
                ].contains(previous),
                tokens[i - 1].range.upperBound == token.range.lowerBound
            {
                continue
            }
            out.append(current)
            current = []
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    func mentions(_ t: [FigureToken]) -> Mentions {
        var m = Mentions()
        var used = Set<Int>()
        var i = 0
        while i < t.count {
            defer { i += 1 }
            guard t[i].ticker != nil, !used.contains(i) else { continue }
            // A list of three or more (`HUT, IREN and WULF`): every one of them named, no pair.
            var members = [i]
            var j = i
            while j + 2 < t.count, t[j + 1].isPunctuation(",") || t[j + 1].word == "and" || t[j + 1].isPunctuation("&"),
                isKnown(t[j]), isKnown(t[j + 2])
            {
                members.append(j + 2)
                j += 2
            }
            // `HUT, IREN, and WULF`
            if j + 3 < t.count, t[j + 1].isPunctuation(","), t[j + 2].word == "and", isKnown(t[j]), isKnown(t[j + 3]) {
                members.append(j + 3)
                j += 3
            }
            if members.count >= 3 {
                m.singles += members
                used.formUnion(members)
                i = j
                continue
            }
            // Two unknown words (`AI/HPC`) are no pair of tickers; one known ticker beside an unknown one is.
            if i + 2 < t.count, Vocabulary.isPairJoiner(t[i + 1]), t[i + 2].ticker != nil,
                isKnown(t[i]) || isKnown(t[i + 2])
            {
                m.pairs.append((i, i + 2))
                used.formUnion([i, i + 2])
                i += 2
            } else if i + 3 < t.count, t[i + 1].word == "vs", t[i + 2].isPunctuation("."), t[i + 3].ticker != nil,
                isKnown(t[i]) || isKnown(t[i + 3])
            {
                m.pairs.append((i, i + 3))
                used.formUnion([i, i + 3])
                i += 3
            } else if case .ticker = t[i].kind {
                m.singles.append(i)
            }
        }
        for (k, token) in t.enumerated() {
            guard let word = token.word else {
                if token.isPunctuation("="), k > 0, t[k - 1].word == "r" { m.correlation = true }
                continue
            }
            if Vocabulary.isCorrelationWord(word) { m.correlation = true }
            if word == "cluster" || word == "clusters" { m.clusterWord = true }
            if Vocabulary.wholeGroup.contains(word) { m.whole.append(word) }
            if Vocabulary.others.contains(word), k > 0, ["the", "its", "their"].contains(t[k - 1].word ?? "") {
                m.others = true
            }
            if Vocabulary.rangeWords.contains(word) { m.range = true }
            if let highest = Vocabulary.extremes[word], m.extreme == nil {
                // `most correlated`, `highest correlation`, `top pair`, `most closely`
                let next = t[(k + 1)..<min(k + 4, t.count)].compactMap(\.word)
                if next.contains(where: { Vocabulary.isCorrelationWord($0) || $0 == "pair" || $0 == "closely" }) {
                    m.extreme = (highest, k)
                }
            }
        }
        return m
    }

    private func bindSentence(_ t: [FigureToken], into result: inout Result) {
        let numbers = t.indices.filter { Self.isCandidate(t[$0]) }
        let m = mentions(t)
        let phrase = (m.correlation || m.clusterWord) ? windowPhrase(t) : nil
        if let phrase, m.correlation { result.proseWindows.append(phrase) }
        guard !numbers.isEmpty else { return }
        func skip(_ reason: String) {
            for n in numbers {
                result.skipped.append(
                    SkippedNumber(text: text(t[n]), position: position(t[n].range.lowerBound), reason: reason))
            }
        }
        guard m.correlation else {
            if m.clusterWord || !m.pairs.isEmpty { skip("the sentence does not say it is a correlation") }
            return
        }
        let named = Set(
            m.pairs.flatMap { [t[$0.first].ticker!, t[$0.second].ticker!] } + m.singles.map { t[$0].ticker! })
        var figures: [Figure] = []
        func figure(
            _ subject: Figure.Subject, _ index: Int, names: [PairNames] = [], claim: Figure.Claim? = nil,
            reason: String
        ) -> Figure {
            Figure(
                subject: subject, numbers: [span(t[index])!], names: names,
                label: labelAfter(t[index], in: t, at: index),
                claim: claim, position: position(t[index].range.lowerBound), place: "\(subject) in prose",
                reason: reason)
        }
        func pairNames(_ p: (first: Int, second: Int)) -> PairNames {
            PairNames(first: t[p.first].range, second: t[p.second].range, a: t[p.first].ticker!, b: t[p.second].ticker!)
        }

        if let extreme = m.extreme {
            let word = highestWord(extreme.highest)
            if m.pairs.count == 1, m.singles.isEmpty, numbers.count == 1 {
                let pair = m.pairs[0]
                let names = pairNames(pair)
                let qualifier = qualifierBefore(t, upTo: min(pair.first, extreme.index))
                if qualifier == nil, groupSet.contains(names.a), groupSet.contains(names.b) {
                    figures.append(
                        figure(
                            .extremePair(highest: extreme.highest), numbers[0], names: [names],
                            reason:
                                "names a pair \(word) correlated, with nothing narrowing the claim: the group's \(extreme.highest ? "top" : "bottom") pair"
                        ))
                } else {
                    let why = qualifier.map { "the claim is narrowed by '\($0)'" } ?? "the pair is not inside the group"
                    figures.append(
                        figure(
                            .pair(names.a, names.b), numbers[0],
                            claim: .extremePair(highest: extreme.highest, qualifier: qualifier),
                            reason: "names the pair \(names.a)-\(names.b); \(why), so it keeps its names"))
                }
            } else if m.pairs.isEmpty, m.singles.count == 1, m.others, numbers.count == 1,
                groupSet.contains(t[m.singles[0]].ticker!)
            {
                let ticker = t[m.singles[0]].ticker!
                figures.append(
                    figure(
                        .tickerMean(ticker), numbers[0], claim: .extremeTicker(highest: extreme.highest),
                        reason: "names \(ticker) \(word) correlated with the others: its mean r with the rest"))
            } else if named.isEmpty, numbers.count == 1, qualifierBefore(t, upTo: extreme.index) == nil {
                figures.append(
                    figure(
                        .extremePair(highest: extreme.highest), numbers[0],
                        reason: "the \(extreme.highest ? "top" : "bottom") pair's value, no pair named"))
            } else {
                skip(
                    "a claim of the \(word) correlated pair that names \(counted(named.count, "ticker")) and \(counted(numbers.count, "number")): which number is which is not certain"
                )
                return
            }
        } else if m.range, numbers.count == 2, m.singles.isEmpty, m.pairs.isEmpty || m.pairs.count == 2 {
            var f = figure(
                .range, numbers[0], names: m.pairs.map(pairNames),
                reason: "a range of two numbers and no ticker of its own: the group's lowest and highest pair")
            f.numbers.append(span(t[numbers[1]])!)
            f.label = nil
            figures.append(f)
        } else if !m.pairs.isEmpty, m.singles.isEmpty, m.whole.isEmpty || Set(m.whole).isSubset(of: ["pairwise"]) {
            guard m.pairs.count == numbers.count, let order = interleaved(m.pairs.map(\.first), numbers) else {
                skip(
                    "\(counted(m.pairs.count, "pair")) and \(counted(numbers.count, "number")) in one sentence: which number is which is not certain"
                )
                return
            }
            for (k, pair) in m.pairs.enumerated() {
                let names = pairNames(pair)
                figures.append(
                    figure(
                        .pair(names.a, names.b), order[k],
                        reason: "names the pair \(names.a)-\(names.b) and one number for it"))
            }
        } else if m.pairs.isEmpty, m.singles.count == 2, m.whole.isEmpty, numbers.count == 1,
            t[m.singles[0]].ticker != t[m.singles[1]].ticker
        {
            let a = t[m.singles[0]].ticker!
            let b = t[m.singles[1]].ticker!
            figures.append(
                figure(.pair(a, b), numbers[0], reason: "names exactly two tickers, \(a) and \(b), and one number"))
        } else if !m.whole.isEmpty, numbers.count == 1, named.isEmpty || named == groupSet {
            let median = m.whole.contains("median")
            figures.append(
                figure(
                    median ? .median : .average, numbers[0],
                    reason:
                        "no ticker named\(named.isEmpty ? "" : " but the whole group"), and '\(m.whole[0])' speaks of the whole: the group's \(median ? "median" : "average")"
                ))
        } else if named.isEmpty, m.whole.isEmpty {
            skip("the sentence names no pair and no word for the whole group (average, cluster, group…)")
            return
        } else if !named.isEmpty, !named.isSubset(of: groupSet) || named != groupSet, m.pairs.isEmpty,
            m.singles.count != 2
        {
            skip("names \(named.sorted().joined(separator: ", ")), not one pair and not the whole group")
            return
        } else {
            skip(
                "\(counted(numbers.count, "number")) and \(counted(named.count, "ticker")) in one sentence: which number is which is not certain"
            )
            return
        }
        for var f in figures {
            f.window = phrase
            result.figures.append(f)
        }
    }

    private func isKnown(_ token: FigureToken) -> Bool {
        if case .ticker = token.kind { return true }
        return false
    }

    private func highestWord(_ highest: Bool) -> String { highest ? "most" : "least" }

    /// Words before a claim that narrow it (`Within the hosting names,`), as written; nil when none.
    func qualifierBefore(_ t: [FigureToken], upTo index: Int) -> String? {
        guard index > 0 else { return nil }
        let before = t[..<index]
        guard before.contains(where: { Vocabulary.qualifiers.contains($0.word ?? "") }) else { return nil }
        let start = before.first!.range.lowerBound
        var text = source.string(start..<before.last!.range.upperBound)
        while text.hasSuffix(",") || text.hasSuffix(":") { text.removeLast() }
        return text
    }

    /// Pairs and numbers that alternate (pair, number, pair, number…, or number, pair, …): each number
    /// belongs to its neighbour. Nil when they do not alternate.
    private func interleaved(_ pairs: [Int], _ numbers: [Int]) -> [Int]? {
        let pairsFirst =
            zip(pairs, numbers).allSatisfy { $0 < $1 } && zip(numbers, pairs.dropFirst()).allSatisfy { $0 < $1 }
        let numbersFirst =
            zip(numbers, pairs).allSatisfy { $0 < $1 } && zip(pairs, numbers.dropFirst()).allSatisfy { $0 < $1 }
        return pairsFirst || numbersFirst ? numbers : nil
    }
}

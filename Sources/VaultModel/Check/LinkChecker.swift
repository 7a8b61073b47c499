/// Checks every link of a vault and finds its orphans.
public struct LinkChecker: Sendable {
    public let vault: Vault
    public let index: VaultIndex
    public let resolver: LinkResolver
    private let settings: VaultConfig.CheckSettings
    private let ignoredTargets: [PathPattern]

    public init(vault: Vault) {
        self.vault = vault
        index = VaultIndex(vault)
        resolver = LinkResolver(index: index)
        settings = vault.config.check
        ignoredTargets = settings.ignoreTargets.map(PathPattern.init)
    }

    /// Every finding of the vault, sorted by path, line and column.
    public func check() -> CheckResult {
        let perNote = Array(vault.notes.indices).parallelMap { i in checkNote(i) }
        var findings: [Finding] = []
        var incoming = [Bool](repeating: false, count: vault.notes.count)
        var brokenTargets: [(finding: Int, target: String)] = []
        // Obsidian's excluded files stay link targets, but what is found in them is not reported.
        let excluded = vault.notes.map { vault.excludedFiles.contains($0.path) }
        for (i, result) in perNote.enumerated() {
            for target in result.linkedNotes { incoming[target] = true }
            guard !excluded[i] else { continue }
            for (finding, target) in result.broken { brokenTargets.append((findings.count + finding, target)) }
            findings += result.findings
        }
        addHints(to: &findings, brokenTargets)
        for problem in vault.problems {
            findings.append(
                Finding(
                    kind: problem.skipped ? .skippedFile : .unreadableNote, severity: .error, path: problem.path,
                    line: problem.line, column: 1, message: problem.message))
        }
        let ignoredOrphans = settings.ignoreOrphans.map(PathPattern.init)
        for (i, note) in vault.notes.enumerated()
        where !incoming[i] && !excluded[i] && !PathPattern.any(ignoredOrphans, match: note.path) {
            findings.append(
                Finding(
                    kind: .orphanNote, severity: .warning, path: note.path, line: 1, column: 1,
                    message: "no other note links to \(note.name)"))
        }
        findings = findings.compactMap { finding in
            var finding = finding
            finding.severity = settings.severity[finding.kind] ?? finding.severity
            return finding.severity == .off ? nil : finding
        }
        findings.sort {
            ($0.path, $0.line, $0.column, $0.kind.rawValue) < ($1.path, $1.line, $1.column, $1.kind.rawValue)
        }
        let links = vault.notes.reduce(0) { $0 + $1.links.count }
        return CheckResult(
            notes: vault.notes.count, links: links, attachments: vault.attachments.count, findings: findings)
    }

    private struct NoteResult: Sendable {
        var findings: [Finding] = []
        var linkedNotes: [Int] = []
        /// Broken links whose hint needs the name index: finding index in this note's list, target.
        var broken: [(Int, String)] = []
    }

    private func checkNote(_ i: Int) -> NoteResult {
        let note = vault.notes[i]
        var result = NoteResult()
        for problem in note.problems {
            result.findings.append(
                Finding(
                    kind: .frontMatter, severity: .error, path: note.path, line: problem.line, column: 1,
                    message: problem.message))
        }
        // No closure captures the note, the link or the result here: a nested function passed on would box
        // them, copying the note for every link.
        for link in note.links {
            if !link.target.isEmpty, PathPattern.any(ignoredTargets, match: link.target) { continue }
            switch resolver.resolve(link.target, from: note.path) {
            case .outsideVault:
                result.findings.append(
                    Self.finding(.brokenLink, "\(link.target) points outside the vault", link, in: note.path))
            case .missing:
                if isAttachmentTarget(link.target) {
                    result.findings.append(
                        Self.finding(
                            .missingAttachment, "no file named \(VaultPath.fileName(of: link.target)) in the vault",
                            link, in: note.path))
                } else {
                    let hint = aliasHint(link)
                    let name = VaultPath.stem(of: link.target)
                    let what = link.target.utf8.contains(0x2F) ? "no note at \(link.target)" : "no note named \(name)"
                    result.findings.append(Self.finding(.brokenLink, what, hint: hint, link, in: note.path))
                    if hint == nil { result.broken.append((result.findings.count - 1, link.target)) }
                }
            case .file(let file, let ambiguity):
                let target = index.files[file]
                if let ambiguity {
                    let written = target.note != nil ? String(target.path.dropLast(3)) : target.path
                    result.findings.append(
                        Self.finding(
                            .ambiguousLink,
                            "\(link.target) matches \(ambiguity.candidates.count) files (\(ambiguity.candidates.joined(separator: ", "))); \(target.path) wins because \(ambiguity.reason)",
                            hint: "write its path to be sure: [[\(written)]]", link, in: note.path))
                }
                guard let targetNote = target.note else { continue }  // a fragment on a file is not a heading
                if targetNote != i { result.linkedNotes.append(targetNote) }
                if let (kind, message, hint) = checkAnchor(link, in: targetNote) {
                    result.findings.append(Self.finding(kind, message, hint: hint, link, in: note.path))
                }
            }
        }
        return result
    }

    /// An error finding about `link`, written in the note at `path`.
    private static func finding(
        _ kind: FindingKind, _ message: String, hint: String? = nil, _ link: Link, in path: String
    ) -> Finding {
        Finding(
            kind: kind, severity: .error, path: path, line: link.position.line, column: link.position.column,
            link: link.raw, message: message, hint: hint)
    }

    /// What is wrong with the link's heading or block in the note at `noteIndex`, or nil.
    private func checkAnchor(_ link: Link, in noteIndex: Int) -> (FindingKind, String, String?)? {
        // The target note is read (copied) only for a finding: most anchors resolve.
        switch link.anchor {
        case .none:
            return nil
        case .headings(let chain):
            guard !index.hasHeadings(chain, inNote: noteIndex) else { return nil }
            let target = vault.notes[noteIndex]
            let wanted = chain.joined(separator: "#")
            let names = target.headings.map(\.text)
            // Only headings of about the query's length can be within two edits: a heading the size of a table
            // (a long table followed by `---` is a setext heading) never costs its length squared.
            let query = chain.last ?? wanted
            let close = names.filter { abs($0.utf8.count - query.utf8.count) <= 2 }
            let hint = NameSuggester(names: close).suggest(query).map { "did you mean #\($0)?" }
            return (.missingHeading, "\(target.name) has no heading \(wanted)", hint)
        case .block(let id):
            guard !index.hasBlock(id, inNote: noteIndex) else { return nil }
            let target = vault.notes[noteIndex]
            let hint = NameSuggester(names: target.blockIDs.map(\.id)).suggest(id).map { "did you mean #^\($0)?" }
            return (.missingBlock, "\(target.name) has no block ^\(id)", hint)
        }
    }

    /// A target with an extension other than `.md` names an attachment.
    private func isAttachmentTarget(_ target: String) -> Bool {
        let ext = VaultPath.fileExtension(of: target)
        return !ext.isEmpty && ext != "md" && ext.allSatisfy { $0.isLetter || $0.isNumber } && ext.count <= 5
            && ext.contains(where: \.isLetter)
    }

    /// Aliases are not link targets; a link to one gets the form that works.
    private func aliasHint(_ link: Link) -> String? {
        let owners = index.notes(withAlias: link.target)
        guard let owner = owners.first else { return nil }
        return "\(link.target) is an alias: did you mean [[\(vault.notes[owner].name)|\(link.target)]]?"
    }

    private func addHints(to findings: inout [Finding], _ broken: [(finding: Int, target: String)]) {
        guard !broken.isEmpty else { return }
        let suggester = NameSuggester(names: vault.notes.map(\.name))
        var cache: [String: String?] = [:]
        for (finding, target) in broken {
            let name = VaultPath.stem(of: target)
            let suggestion = cache[name] ?? suggester.suggest(name)
            cache[name] = suggestion
            if let suggestion { findings[finding].hint = "did you mean [[\(suggestion)]]?" }
        }
    }
}

/// What `vaultgen check` found, with the counts for its summary line.
public struct CheckResult: Sendable, Equatable, Codable {
    public var notes: Int
    public var links: Int
    public var attachments: Int
    public var findings: [Finding]

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
}

import VaultModel

/// Plans a rename: which files move, and how every link that pointed at them (or that a new name would
/// capture) is rewritten so that it resolves where it did before.
///
/// The invariant: after the rename, every link of the vault resolves to the same file as before, with the
/// moved files at their new paths. Links are rewritten in their own style (wiki or markdown, embed, heading,
/// block, alias, size, `.md`, relative or rooted), in the shortest form that resolves to the intended file
/// without ambiguity. A link that was broken stays as written; if the new name makes it resolve, that is
/// reported.
public struct RenamePlanner: Sendable {
    public let vault: Vault
    public let sources: [SourceText]

    public struct Options: Sendable {
        /// Give links that showed the old name that name as their alias: `[[IREN|Iris Energy]]`.
        public var keepText = false
        /// Add the old name to the renamed note's `aliases:`.
        public var addAlias = false
        public init(keepText: Bool = false, addAlias: Bool = false) {
            self.keepText = keepText
            self.addAlias = addAlias
        }
    }

    public init(vault: Vault, sources: [SourceText]) {
        self.vault = vault
        self.sources = sources
    }

    public func plan(old: String, new: String, options: Options = .init()) throws(RenameError) -> RenamePlan {
        if let hash = old.firstIndex(of: "#") {
            return try anchor(note: String(old[..<hash]), anchor: String(old[old.index(after: hash)...]), new: new)
        }
        let moves = try self.moves(old: old, new: new)
        var plan = RenamePlan(moves: moves)
        let mapping = Dictionary(uniqueKeysWithValues: moves.map { ($0.from, $0.to) })
        let before = LinkResolver(index: VaultIndex(vault))
        var moved = vault
        for i in moved.notes.indices { if let to = mapping[moved.notes[i].path] { moved.notes[i].path = to } }
        moved.attachments = moved.attachments.map { mapping[$0] ?? $0 }
        // A link can change what it resolves to only when its note moved, or when its target's last part is the
        // old or new name of a moved file: only those links are resolved twice (50,000 notes: 805,049 links).
        var names = Set<String>()
        for move in moves {
            for path in [move.from, move.to] {
                names.insert(VaultPath.fileName(of: path).lowercased())
                names.insert(VaultPath.stem(of: path).lowercased())
            }
        }
        let affectedNames = names
        let finalPaths = moved.notes.map(\.path)
        let after = LinkResolver(index: VaultIndex(moved))
        let rewriter = LinkRewriter(resolver: after)
        let oldNames = Set(moves.map(\.from))
        // The config names notes by path: say which entries still name a moved file (vaultgen never edits it).
        let config = vault.config
        let named: [(String, [String])] = [
            ("exclude", config.exclude), ("check: ignore-orphans", config.check.ignoreOrphans),
            ("check: ignore-targets", config.check.ignoreTargets),
            ("update: backlinks-for", config.update.backlinksFor),
            ("update: sector-notes", config.update.sectorNotes), ("update: exclude", config.update.exclude),
        ]
        for move in moves {
            for (key, patterns) in named where patterns.contains(where: { $0 == move.from || $0 + ".md" == move.from })
            {
                plan.warnings.append(
                    "\(VaultConfig.fileName): warning: \(key) names \(move.from), which becomes \(move.to); edit the config by hand"
                )
            }
        }
        let perNote = Array(vault.notes.indices).parallelMap { index -> (RenamePlan.Rewrite?, [String]) in
            let note = vault.notes[index]
            let source = sources[index]
            let finalPath = finalPaths[index]
            let noteMoved = finalPath != note.path
            var warnings: [String] = []
            var edits: [TextEdit] = []
            for link in note.links where !link.target.isEmpty {
                guard noteMoved || affectedNames.contains(VaultPath.fileName(of: link.target).lowercased()) else {
                    continue
                }
                let resolvedBefore = before.resolve(link.target, from: note.path)
                let resolvedAfter = after.resolve(link.target, from: finalPath)
                let now = Self.path(resolvedAfter, after)
                guard let was = Self.path(resolvedBefore, before) else {
                    if let now, moves.contains(where: { $0.to == now }) {
                        warnings.append(
                            "\(note.path):\(link.position.line): warning: \(link.raw) was broken and now resolves to \(now)"
                        )
                    }
                    continue
                }
                let wanted = mapping[was] ?? was
                // Unchanged, and no more ambiguous than it was: `check` would report nothing new.
                if now == wanted, Self.isAmbiguous(resolvedAfter) <= Self.isAmbiguous(resolvedBefore) { continue }
                guard source.string(link.byteRange) == link.raw else {
                    warnings.append(
                        "\(note.path):\(link.position.line): warning: \(link.raw) must now point at \(wanted) but its text in the front matter was changed by YAML escapes; left as it was, edit it by hand"
                    )
                    continue
                }
                let alias = options.keepText && oldNames.contains(was) ? Self.visibleName(link) : nil
                let line = source.bytes[source.lineContent(link.position.line)]
                let inTable = line.first(where: { $0 != 0x20 && $0 != 0x09 }) == 0x7C
                guard let text = rewriter.rewrite(link, to: wanted, from: finalPath, alias: alias, inTable: inTable)
                else {
                    warnings.append(
                        "\(note.path):\(link.position.line): warning: \(link.raw) cannot be written to resolve to \(wanted); left as it was"
                    )
                    continue
                }
                edits.append(TextEdit(range: link.byteRange, replacement: text, figure: "link"))
            }
            var aliasEdit: TextEdit? = nil
            if options.addAlias, let move = moves.first(where: { $0.from == note.path }),
                VaultPath.hasMarkdownExtension(move.from)
            {
                aliasEdit = AliasEditor.edit(note: note, source: source, adding: VaultPath.stem(of: move.from))
            }
            let all = edits + (aliasEdit.map { [$0] } ?? [])
            guard !all.isEmpty, let updated = try? Splice.apply(all, to: source.bytes), updated != source.bytes else {
                return (nil, warnings)
            }
            let rewrite = RenamePlan.Rewrite(
                path: note.path, finalPath: finalPath, original: source.bytes, updated: updated, links: edits.count)
            return (rewrite, warnings)
        }
        for (rewrite, warnings) in perNote {
            plan.warnings += warnings
            if let rewrite { plan.rewrites.append(rewrite) }
        }
        return plan
    }

    /// The text a link showed when it had no alias: its target as written.
    static func visibleName(_ link: Link) -> String? {
        guard link.style == .wiki, link.display == nil, !link.isEmbed else { return nil }
        return link.target
    }

    static func isAmbiguous(_ resolution: LinkResolver.Resolution) -> Int {
        if case .file(_, let ambiguity?) = resolution, !ambiguity.candidates.isEmpty { return 1 }
        return 0
    }

    static func path(_ resolution: LinkResolver.Resolution, _ resolver: LinkResolver) -> String? {
        if case .file(let file, _) = resolution { return resolver.index.files[file].path }
        return nil
    }

    // MARK: Headings and blocks

    /// `Note#Heading` → `New heading`, `Note#^id` → `new-id` (NEW may repeat `Note#`, and `^`).
    private func anchor(note name: String, anchor: String, new: String) throws(RenameError) -> RenamePlan {
        guard let index = noteIndex(name) else { throw .noSuchFile(name) }
        var newText = new
        if let hash = newText.lastIndex(of: "#") { newText = String(newText[newText.index(after: hash)...]) }
        let renamer = AnchorRenamer(vault: vault, sources: sources, resolver: LinkResolver(index: VaultIndex(vault)))
        if anchor.hasPrefix("^") {
            if newText.hasPrefix("^") { newText.removeFirst() }
            return try renamer.plan(note: index, anchor: .block(String(anchor.dropFirst())), new: newText)
        }
        return try renamer.plan(
            note: index, anchor: .heading(anchor.trimmingWhitespace()), new: newText.trimmingWhitespace())
    }

    /// A note named by its vault path (`.md` optional) or by its name, when only one note has it.
    private func noteIndex(_ name: String) -> Int? {
        var key = name.lowercased()
        while key.hasPrefix("/") { key.removeFirst() }
        if let exact = vault.notes.firstIndex(where: {
            $0.path.lowercased() == key || $0.path.lowercased() == key + ".md"
        }) {
            return exact
        }
        let named = vault.notes.indices.filter { vault.notes[$0].name.lowercased() == key }
        return named.count == 1 ? named[0] : nil
    }

    // MARK: Which files move

    /// The files that move: one note or attachment, or every file below a folder.
    func moves(old: String, new: String) throws(RenameError) -> [RenamePlan.Move] {
        let files = vault.notes.map(\.path) + vault.attachments
        let byLower = Dictionary(files.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var oldKey = old
        while oldKey.hasPrefix("/") { oldKey.removeFirst() }
        while oldKey.hasSuffix("/") { oldKey.removeLast() }
        guard let oldPath = VaultPath.normalize(oldKey), !oldPath.isEmpty else { throw .noSuchFile(old) }
        var newKey = new
        while newKey.hasPrefix("/") { newKey.removeFirst() }
        while newKey.hasSuffix("/") { newKey.removeLast() }
        guard let newName = VaultPath.normalize(newKey), !newName.isEmpty,
            !newName.split(separator: "/").contains(where: { $0.hasPrefix(".") })
        else { throw .badName(new) }

        // A folder: every file below it keeps its place under the new folder.
        let prefix = oldPath.lowercased() + "/"
        if byLower[oldPath.lowercased()] == nil, byLower[oldPath.lowercased() + ".md"] == nil,
            files.contains(where: { $0.lowercased().hasPrefix(prefix) })
        {
            let moves = files.filter { $0.lowercased().hasPrefix(prefix) }.sorted().map { file in
                RenamePlan.Move(from: file, to: newName + "/" + file.dropFirst(prefix.count))
            }
            try checkFree(moves, byLower)
            return moves
        }
        let file: String
        if let exact = byLower[oldPath.lowercased()] ?? byLower[oldPath.lowercased() + ".md"] {
            file = exact
        } else {
            let named = vault.notes.filter { $0.name.lowercased() == oldPath.lowercased() }.map(\.path)
            guard !named.isEmpty else { throw .noSuchFile(old) }
            guard named.count == 1 else { throw .ambiguous(old, candidates: named.sorted()) }
            file = named[0]
        }
        // `Name` stays in the file's folder; `Folder/Name` and `/Name` are vault paths.
        var target =
            newName.contains("/") || new.hasPrefix("/") ? newName : VaultPath.join(VaultPath.folder(of: file), newName)
        if VaultPath.hasMarkdownExtension(file) {
            if !VaultPath.hasMarkdownExtension(target) { target += ".md" }
        } else if VaultPath.fileExtension(of: target).isEmpty {
            target += "." + VaultPath.fileExtension(of: file)
        }
        let moves = [RenamePlan.Move(from: file, to: target)]
        try checkFree(moves, byLower)
        return moves
    }

    /// No move may land on a file that stays (a case-only rename of the same file is fine).
    private func checkFree(_ moves: [RenamePlan.Move], _ byLower: [String: String]) throws(RenameError) {
        let leaving = Set(moves.map { $0.from.lowercased() })
        for move in moves {
            if let taken = byLower[move.to.lowercased()], !leaving.contains(taken.lowercased()) {
                throw .exists(move.to)
            }
        }
    }
}

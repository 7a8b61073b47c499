import VaultModel

/// Writes a link again so that it resolves to a given file, changing only its target and keeping the rest:
/// `!`, heading or block fragment, alias, embed size, `.md`, angle brackets, percent-encoding, a markdown
/// link's text and title.
struct LinkRewriter: Sendable {
    /// The vault as it is after the rename.
    let resolver: LinkResolver

    /// The link's new text, or nil when no target text can resolve to `wanted` from `notePath` (a name with
    /// `[[`, `]]`, `|` or `#` in a wiki-link).
    func rewrite(_ link: Link, to wanted: String, from notePath: String, alias: String?, inTable: Bool) -> String? {
        switch link.style {
        case .wiki: return wiki(link, to: wanted, from: notePath, alias: alias, inTable: inTable)
        case .markdown: return markdown(link, to: wanted, from: notePath)
        }
    }

    // MARK: Wiki-links

    private func wiki(_ link: Link, to wanted: String, from notePath: String, alias: String?, inTable: Bool) -> String?
    {
        let raw = Array(link.raw.utf8)
        let open = link.isEmbed ? 3 : 2
        guard raw.count >= open + 2 else { return nil }
        // The written target runs to the first `#`, `|`, `\|` or the closing `]]`.
        var end = open
        while end < raw.count - 2 {
            let c = raw[end]
            if c == 0x23 || c == 0x7C || (c == 0x5C && end + 1 < raw.count && raw[end + 1] == 0x7C) { break }
            end += 1
        }
        let hadMarkdownExtension = VaultPath.hasMarkdownExtension(link.target)
        guard let target = shortest(to: wanted, from: notePath, keepExtension: hadMarkdownExtension),
            !target.contains("[["), !target.contains("]]"), !target.contains("|"), !target.contains("#"),
            !target.contains("^")
        else { return nil }
        var out = Array(raw[..<open]) + Array(target.utf8) + Array(raw[end...])
        if let alias, link.display == nil {
            // `[[N\|alias]]` inside a table row, `[[N|alias]]` elsewhere: the link's own pipe style decides.
            let pipe: [UInt8] = inTable ? [0x5C, 0x7C] : [0x7C]
            out.insert(contentsOf: pipe + Array(alias.utf8), at: out.count - 2)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The shortest target that resolves to `wanted` from `notePath` with no ambiguity: its name, then ever
    /// longer path suffixes, then the whole vault path.
    func shortest(to wanted: String, from notePath: String, keepExtension: Bool) -> String? {
        let isNote = VaultPath.hasMarkdownExtension(wanted)
        let written = isNote && !keepExtension ? String(wanted.dropLast(3)) : wanted
        let parts = written.split(separator: "/", omittingEmptySubsequences: false)
        for count in 1...parts.count {
            let candidate = parts.suffix(count).joined(separator: "/")
            if resolves(candidate, to: wanted, from: notePath) { return candidate }
        }
        let rooted = "/" + written
        return resolves(rooted, to: wanted, from: notePath) ? rooted : nil
    }

    func resolves(_ target: String, to wanted: String, from notePath: String) -> Bool {
        guard case .file(let file, let ambiguity) = resolver.resolve(target, from: notePath), ambiguity == nil else {
            return false
        }
        return resolver.index.files[file].path == wanted
    }

    // MARK: Markdown links

    private func markdown(_ link: Link, to wanted: String, from notePath: String) -> String? {
        let raw = link.raw
        guard raw.hasSuffix(")"), let split = raw.range(of: "](", options: .backwards) else { return nil }
        let destination = raw[split.upperBound..<raw.index(before: raw.endIndex)]
        var angle = false
        var pathPart: Substring
        var rest: Substring
        if destination.hasPrefix("<"), let close = destination.firstIndex(of: ">") {
            angle = true
            pathPart = destination[destination.index(after: destination.startIndex)..<close]
            rest = destination[close...]
        } else {
            let stop = destination.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? destination.endIndex
            pathPart = destination[..<stop]
            rest = destination[stop...]
        }
        if let hash = pathPart.firstIndex(of: "#") {
            rest = pathPart[hash...] + rest
            pathPart = pathPart[..<hash]
        }
        let written = link.target
        let keepExtension = VaultPath.hasMarkdownExtension(written) || !VaultPath.hasMarkdownExtension(wanted)
        let plain = keepExtension ? wanted : String(wanted.dropLast(3))
        var target: String
        if written.hasPrefix("./") || written.hasPrefix("../") {
            // A relative link stays relative: `./N.md` in the same folder, never a bare name that a note
            // elsewhere could match.
            target = Self.relative(from: VaultPath.folder(of: notePath), to: plain)
            if !target.hasPrefix("../") { target = "./" + target }
        } else if written.hasPrefix("/") {
            target = "/" + plain
        } else if written.contains("/") {
            target = plain
        } else if let short = shortest(to: wanted, from: notePath, keepExtension: keepExtension) {
            target = short
        } else {
            target = plain
        }
        guard resolves(target, to: wanted, from: notePath) else { return nil }
        let encoded = angle ? target : Self.percentEncoded(target, like: String(pathPart))
        let rebuilt = (angle ? "<" + encoded : encoded) + rest
        return String(raw[..<split.upperBound]) + rebuilt + ")"
    }

    /// `../b/N.md` from folder `a` to `b/N.md`.
    static func relative(from folder: String, to path: String) -> String {
        let from = folder.split(separator: "/").map(String.init)
        let to = path.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    /// Spaces and characters a bare destination cannot hold, percent-encoded; non-ASCII encoded too when the
    /// old destination was fully encoded (it had `%` escapes and no raw non-ASCII byte).
    static func percentEncoded(_ path: String, like old: String) -> String {
        let encodeNonASCII = old.contains("%") && !old.utf8.contains(where: { $0 >= 0x80 })
        var out: [UInt8] = []
        for byte in path.utf8 {
            if [0x20, 0x28, 0x29, 0x3C, 0x3E, 0x25].contains(byte) || (byte >= 0x80 && encodeNonASCII) {
                out += Array(("%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)).utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

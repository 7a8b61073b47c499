/// A parsed note: what the rest of vaultgen needs to know of one markdown file.
public struct Note: Sendable {
    /// The path inside the vault, `/`-separated, with its `.md` extension.
    public var path: String {
        didSet { name = VaultPath.stem(of: path) }
    }
    /// The note's name: its file name without `.md`, which is what `[[Name]]` matches. Kept beside the path
    /// rather than derived on each use: resolving and listing backlinks ask for it hundreds of thousands of times.
    public private(set) var name: String
    public var frontMatter: FrontMatter?
    public var aliases: [String]
    /// Tags from the front matter and from the text, without `#`.
    public var tags: [String]
    public var headings: [Heading]
    public var blockIDs: [BlockID]
    public var links: [Link]
    /// The note's blocks, with lines counted in the whole file (front matter included). Empty in a vault loaded
    /// without its sources (`Vault.load`), where nothing will be rewritten.
    public var blocks: [MarkdownBlock]
    public var problems: [FrontMatterProblem]

    public init(
        path: String, frontMatter: FrontMatter?, aliases: [String], tags: [String], headings: [Heading],
        blockIDs: [BlockID], links: [Link], blocks: [MarkdownBlock], problems: [FrontMatterProblem]
    ) {
        self.path = path
        name = VaultPath.stem(of: path)
        self.frontMatter = frontMatter
        self.aliases = aliases
        self.tags = tags
        self.headings = headings
        self.blockIDs = blockIDs
        self.links = links
        self.blocks = blocks
        self.problems = problems
    }

    /// The folder holding the note, `""` at the vault root.
    public var folder: String { VaultPath.folder(of: path) }

    /// A front-matter property, looked up without regard to case.
    public func property(_ key: String) -> FrontMatterValue? {
        frontMatter?.value(key)
    }
}

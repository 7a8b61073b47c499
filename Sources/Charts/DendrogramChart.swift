import Correlation

/// An average-linkage tree drawn sideways: one row per ticker in the tree's leaf order, each merge a bracket at
/// the height its branches join (the distance `1 − r`, averaged), each ticker marked with its sectors' colours.
public struct DendrogramChart: Sendable, Equatable {
    public var title: String
    /// A second line under the title, e.g. the window and the return convention; empty for none.
    public var subtitle: String
    /// The name of each leaf of `dendrogram`, by leaf number.
    public var labels: [String]
    /// The groups (sectors) each leaf belongs to, as indices into `groupNames`; a leaf may have none or several.
    public var groups: [[Int]]
    public var groupNames: [String]
    public var dendrogram: Dendrogram

    /// Creates a chart; `labels` and `groups` must have one entry per leaf.
    public init(
        title: String, subtitle: String = "", labels: [String], groups: [[Int]], groupNames: [String],
        dendrogram: Dendrogram
    ) {
        precondition(labels.count == dendrogram.count && groups.count == dendrogram.count, "one label per leaf")
        self.title = title
        self.subtitle = subtitle
        self.labels = labels
        self.groups = groups
        self.groupNames = groupNames
        self.dendrogram = dendrogram
    }

    /// The leaves top to bottom: the tree's leaf order, as scipy's `dendrogram` lists them.
    public var leafOrder: [Int] {
        dendrogram.root.map { dendrogram.leaves(of: $0) } ?? []
    }
}

/// A hierarchical clustering of `count` leaves, in scipy's linkage convention.
///
/// Leaves are numbered `0..<count` in the order of the input; the cluster made by merge `k` is numbered
/// `count + k`. Each merge joins clusters `a < b` at `height` into a cluster of `size` leaves, and merges are
/// listed by height, lowest first: the rows of `scipy.cluster.hierarchy.linkage`'s `Z`.
public struct Dendrogram: Sendable, Equatable {
    /// One row of `Z`: `[a, b, height, size]`.
    public struct Merge: Sendable, Equatable {
        public var a: Int
        public var b: Int
        public var height: Double
        public var size: Int

        public init(a: Int, b: Int, height: Double, size: Int) {
            self.a = a
            self.b = b
            self.height = height
            self.size = size
        }
    }

    /// The number of leaves.
    public let count: Int
    /// `count − 1` merges (none for fewer than two leaves), by height.
    public let merges: [Merge]

    public init(count: Int, merges: [Merge]) {
        self.count = count
        self.merges = merges
    }

    /// The two children of cluster `node` (a leaf has none).
    public func children(of node: Int) -> (Int, Int)? {
        guard node >= count else { return nil }
        let merge = merges[node - count]
        return (merge.a, merge.b)
    }

    /// The height at which cluster `node` was made; 0 for a leaf.
    public func height(of node: Int) -> Double {
        node < count ? 0 : merges[node - count].height
    }

    /// The root cluster: the last merge, or the only leaf.
    public var root: Int? { count == 0 ? nil : count + merges.count - 1 }

    /// The leaves under `node`, left to right (the `a` side first), as scipy's dendrogram draws them.
    public func leaves(of node: Int) -> [Int] {
        var out: [Int] = []
        var stack = [node]
        while let top = stack.popLast() {
            if let (a, b) = children(of: top) {
                stack.append(b)
                stack.append(a)
            } else {
                out.append(top)
            }
        }
        return out
    }

    /// The smallest cluster holding every leaf of `members` (at least one leaf), found by replaying the merges.
    public func smallestCluster(holding members: [Int]) -> Int {
        let wanted = Set(members)
        guard wanted.count > 1, let first = wanted.first else { return members[0] }
        // How many wanted leaves each cluster holds; a cluster holds them all at the first merge that says so.
        var held = [Int](repeating: 0, count: count + merges.count)
        for leaf in wanted { held[leaf] = 1 }
        for (k, merge) in merges.enumerated() {
            held[count + k] = held[merge.a] + held[merge.b]
            if held[count + k] == wanted.count { return count + k }
        }
        return root ?? first
    }
}

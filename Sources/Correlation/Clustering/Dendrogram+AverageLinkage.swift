extension Dendrogram {
    /// Average-linkage (UPGMA) clustering of `count` points, merge for merge what
    /// `scipy.cluster.hierarchy.linkage(distances, method="average")` returns.
    ///
    /// The nearest-neighbour chain, as scipy runs it (`_hierarchy.nn_chain`): O(count²) time and one copy of the
    /// condensed distances. Ties are broken exactly as there, which fixes the merges when heights are equal:
    /// - a chain starts at the lowest-numbered cluster still active;
    /// - the next link is the nearest active cluster, the lowest-numbered at equal distance, except that the
    ///   previous link of the chain wins a tie (so two clusters at equal distance merge instead of cycling);
    /// - merges are then sorted by height, stably (the order the chain found them), and numbered with a
    ///   union-find so that each row names the lower-numbered cluster first and new clusters are numbered
    ///   `count`, `count + 1`, … in row order.
    /// The distance between two clusters is the mean of the distances between their points, updated as
    /// `(n_x·d(x, i) + n_y·d(y, i)) / (n_x + n_y)` in the same order of operations as scipy, so heights agree to
    /// the last bit on the same input.
    ///
    /// - Parameters:
    ///   - distances: The condensed distance matrix (`scipy.spatial.distance.squareform`): the upper triangle row
    ///     by row, `d(0,1), d(0,2), …, d(1,2), …`, `count·(count − 1)/2` finite values.
    ///   - count: The number of points.
    public static func averageLinkage(distances: [Double], count: Int) -> Dendrogram {
        precondition(distances.count == count * max(count - 1, 0) / 2, "condensed matrix of the wrong size")
        guard count > 1 else { return Dendrogram(count: count, merges: []) }
        var d = distances
        let found = d.withUnsafeMutableBufferPointer { nearestNeighbourChain($0, count: count) }
        return Dendrogram(count: count, merges: labelled(found, count: count))
    }

    /// The merges in the order the chain finds them; `d` is overwritten with cluster distances.
    private static func nearestNeighbourChain(_ d: UnsafeMutableBufferPointer<Double>, count n: Int) -> [Merge] {
        var found: [Merge] = []
        found.reserveCapacity(n - 1)
        var size = [Int](repeating: 1, count: n)
        // The active clusters in increasing order: scanning them in that order keeps scipy's tie order, and
        // skipping merged ones halves the scans on average.
        var active = Array(0..<n)
        var chain: [Int] = []
        chain.reserveCapacity(n)
        for _ in 0..<(n - 1) {
            if chain.isEmpty { chain.append(active[0]) }
            var x = 0
            var y = 0
            var nearest = Double.infinity
            while true {
                x = chain[chain.count - 1]
                if chain.count > 1 {
                    y = chain[chain.count - 2]
                    nearest = d[condensedIndex(n, x, y)]
                } else {
                    nearest = .infinity
                }
                // Row x of the condensed matrix: columns before x are spread over earlier rows, the rest are
                // contiguous.
                let rowStart = condensedIndex(n, x, x + 1) &- (x &+ 1)
                for i in active where i != x {
                    let distance = i < x ? d[condensedIndex(n, i, x)] : d[rowStart &+ i]
                    if distance < nearest {
                        nearest = distance
                        y = i
                    }
                }
                if chain.count > 1 && y == chain[chain.count - 2] { break }
                chain.append(y)
            }
            chain.removeLast(2)
            if x > y { swap(&x, &y) }
            let nx = size[x]
            let ny = size[y]
            found.append(Merge(a: x, b: y, height: nearest, size: nx + ny))
            size[x] = 0
            size[y] = nx + ny
            active.remove(at: active.firstIndex(of: x)!)
            let wx = Double(nx)
            let wy = Double(ny)
            let total = Double(nx + ny)
            for i in active where i != y {
                let iy = condensedIndex(n, i, y)
                d[iy] = (wx * d[condensedIndex(n, i, x)] + wy * d[iy]) / total
            }
        }
        return found
    }

    /// The merges sorted by height (stably) and renumbered as scipy's `label` does.
    static func labelled(_ found: [Merge], count n: Int) -> [Merge] {
        let order = found.indices.sorted { (found[$0].height, $0) < (found[$1].height, $1) }
        var parent = Array(0..<(2 * n - 1))
        var sizes = [Int](repeating: 1, count: 2 * n - 1)
        func find(_ start: Int) -> Int {
            var root = start
            while parent[root] != root { root = parent[root] }
            var node = start
            while parent[node] != root {
                let next = parent[node]
                parent[node] = root
                node = next
            }
            return root
        }
        var merges: [Merge] = []
        merges.reserveCapacity(found.count)
        for (k, index) in order.enumerated() {
            let x = find(found[index].a)
            let y = find(found[index].b)
            let label = n + k
            parent[x] = label
            parent[y] = label
            sizes[label] = sizes[x] + sizes[y]
            merges.append(Merge(a: min(x, y), b: max(x, y), height: found[index].height, size: sizes[label]))
        }
        return merges
    }

    /// Where `d(i, j)`, `i ≠ j`, sits in a condensed matrix of `n` points.
    @inline(__always)
    static func condensedIndex(_ n: Int, _ i: Int, _ j: Int) -> Int {
        let (low, high) = i < j ? (i, j) : (j, i)
        return n &* low &- (low &* (low &+ 1)) / 2 &+ (high &- low &- 1)
    }
}

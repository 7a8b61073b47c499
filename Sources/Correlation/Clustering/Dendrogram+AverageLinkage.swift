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
        let n = count
        var found: [Merge] = []
        found.reserveCapacity(n - 1)
        var d = distances
        var size = [Int](repeating: 1, count: n)
        var chain = [Int](repeating: 0, count: n)
        var chainLength = 0
        d.withUnsafeMutableBufferPointer { d in
            size.withUnsafeMutableBufferPointer { size in
                for _ in 0..<(n - 1) {
                    if chainLength == 0 {
                        chainLength = 1
                        chain[0] = size.firstIndex { $0 > 0 } ?? 0
                    }
                    var x = 0
                    var y = 0
                    var nearest = Double.infinity
                    while true {
                        x = chain[chainLength - 1]
                        if chainLength > 1 {
                            y = chain[chainLength - 2]
                            nearest = d[condensedIndex(n, x, y)]
                        } else {
                            nearest = .infinity
                        }
                        // Row x of the condensed matrix: columns before x are spread over earlier rows, the
                        // rest are contiguous.
                        for i in 0..<x where size[i] > 0 {
                            let distance = d[condensedIndex(n, i, x)]
                            if distance < nearest {
                                nearest = distance
                                y = i
                            }
                        }
                        let rowStart = condensedIndex(n, x, x + 1) &- (x + 1)
                        for i in (x + 1)..<n where size[i] > 0 {
                            let distance = d[rowStart + i]
                            if distance < nearest {
                                nearest = distance
                                y = i
                            }
                        }
                        if chainLength > 1 && y == chain[chainLength - 2] { break }
                        chain[chainLength] = y
                        chainLength += 1
                    }
                    chainLength -= 2
                    if x > y { swap(&x, &y) }
                    let nx = size[x]
                    let ny = size[y]
                    found.append(Merge(a: x, b: y, height: nearest, size: nx + ny))
                    size[x] = 0
                    size[y] = nx + ny
                    let wx = Double(nx)
                    let wy = Double(ny)
                    let total = Double(nx + ny)
                    for i in 0..<n where size[i] > 0 && i != y {
                        let iy = condensedIndex(n, i, y)
                        d[iy] = (wx * d[condensedIndex(n, i, x)] + wy * d[iy]) / total
                    }
                }
            }
        }
        return Dendrogram(count: n, merges: labelled(found, count: n))
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

import Dispatch
import Foundation

/// Dot products between the rows of two row-major matrices; the only file that calls BLAS.
///
/// This is the one hot loop of the engine: a correlation matrix is `Z · Zᵀ` of standardised returns, and the
/// pairwise-complete sums are the same product taken against 0/1 masks. OpenBLAS computes it: `dsyrk` for a
/// symmetric product (half the work of `dgemm`), `dgemm` for the others. OpenBLAS splits the output among its
/// threads, never the dates, so every sum is accumulated in one order and a run gives the same bits each time.
///
/// Products of fewer than `blasThreshold` multiply-adds (about 100 tickers over three years of days, so every
/// sector note) keep the portable loop below: there it is as fast as BLAS once opening the library (about 4 ms)
/// is counted, and it keeps small requests' results the bits they have always been (BLAS sums in another order,
/// which moves some coefficients by one unit in the last place).
///
/// OpenBLAS (Debian's libopenblas0, installed with libopenblas-dev) is opened with `dlopen` at the first large
/// product rather than linked: loaded at start-up, its worker threads spin on a core for a while waiting for
/// work, which took a core from every `check` and `update` that never multiplies a matrix (a 1,000-note check
/// ran 25% slower). Without the library the portable loop computes every product, more slowly.
enum CrossProducts {
    static let blasThreshold = 1 << 23

    /// Returns `c` with `c[i * rowsB + j] = Σₜ a[i * length + t] · b[j * length + t]`.
    ///
    /// - Parameters:
    ///   - symmetric: `a` and `b` are the same matrix; only the upper triangle is computed and the rest
    ///     mirrored.
    ///   - mirrored: With `symmetric`, whether to copy the upper triangle onto the lower one; a caller that reads
    ///     only `c[i * rowsB + j]` with `j ≥ i` spares that pass over the matrix (for 2,000 tickers, 16 MB).
    static func compute(
        _ a: [Double], rowsA: Int, _ b: [Double], rowsB: Int, length: Int, symmetric: Bool = false,
        mirrored: Bool = true
    ) -> [Double] {
        precondition(a.count == rowsA * length && b.count == rowsB * length)
        precondition(!symmetric || rowsA == rowsB)
        guard rowsA * rowsB * length >= blasThreshold, let blas = OpenBLAS.shared else {
            return portable(
                a, rowsA: rowsA, b, rowsB: rowsB, length: length, symmetric: symmetric, mirrored: mirrored)
        }
        // Zeroed first, although beta = 0 tells BLAS to overwrite: never let it read uninitialised memory. Row by
        // row on every core, as the pages of a large product are first touched here.
        var c = [Double](unsafeUninitializedCapacity: rowsA * rowsB) { c, initialized in
            let rows = DisjointWrites(c)
            DispatchQueue.concurrentPerform(iterations: rowsA) { i in
                (rows.base + i * rowsB).initialize(repeating: 0, count: rowsB)
            }
            initialized = rowsA * rowsB
        }
        let m = Int32(rowsA)
        let n = Int32(rowsB)
        let k = Int32(length)
        c.withUnsafeMutableBufferPointer { c in
            if symmetric {
                blas.dsyrk(OpenBLAS.rowMajor, OpenBLAS.upper, OpenBLAS.noTrans, m, k, 1, a, k, 0, c.baseAddress, m)
                if mirrored { mirrorUpperTriangle(c, size: rowsA) }
            } else {
                blas.dgemm(
                    OpenBLAS.rowMajor, OpenBLAS.noTrans, OpenBLAS.trans, m, n, k, 1, a, k, b, k, 0, c.baseAddress, n)
            }
        }
        return c
    }

    /// The two CBLAS functions vaultgen uses, from Debian's `libopenblas.so.0`.
    struct OpenBLAS: @unchecked Sendable {
        // cblas.h's enum values and signatures (blasint is a 32-bit int in Debian's build).
        static let rowMajor: Int32 = 101
        static let noTrans: Int32 = 111
        static let trans: Int32 = 112
        static let upper: Int32 = 121

        typealias Dsyrk =
            @convention(c) (
                Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32, Double,
                UnsafeMutablePointer<Double>?, Int32
            ) -> Void
        typealias Dgemm =
            @convention(c) (
                Int32, Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32, UnsafePointer<Double>?,
                Int32, Double, UnsafeMutablePointer<Double>?, Int32
            ) -> Void

        let dsyrk: Dsyrk
        let dgemm: Dgemm

        /// The library, opened once; nil when it is not installed.
        static let shared: OpenBLAS? = {
            // Idle OpenBLAS threads spin for 2^28 cycles before sleeping, taking a core from the figures and the
            // csv writing that follow; 2^4 makes them sleep at once. A value the user set is kept.
            setenv("OPENBLAS_THREAD_TIMEOUT", "4", 0)
            // Debian's OpenBLAS 0.3.21 predates AMD's Zen 4 and 5 and gives them its AVX2 kernels; on an AMD CPU
            // with AVX-512 its SKYLAKEX kernels run twice as fast (2,000 tickers: 0.11 s instead of 0.13 s for the
            // matrix). Intel CPUs it knows; a type the user set is kept.
            if amdWithAVX512() { setenv("OPENBLAS_CORETYPE", "SKYLAKEX", 0) }
            guard let library = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL),
                let dsyrk = dlsym(library, "cblas_dsyrk"), let dgemm = dlsym(library, "cblas_dgemm")
            else { return nil }
            // Kept open for the life of the process.
            return OpenBLAS(dsyrk: unsafeBitCast(dsyrk, to: Dsyrk.self), dgemm: unsafeBitCast(dgemm, to: Dgemm.self))
        }()

        /// Whether `/proc/cpuinfo` shows an AMD CPU with the AVX-512 subsets SKYLAKEX kernels use.
        static func amdWithAVX512() -> Bool {
            // /proc files report a size of 0, so Foundation's readers return nothing: read until the end.
            let fd = open("/proc/cpuinfo", O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                bytes += chunk[..<got]
            }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            guard lines.contains(where: { $0.hasPrefix("vendor_id") && $0.hasSuffix("AuthenticAMD") }),
                let flags = lines.first(where: { $0.hasPrefix("flags") })
            else { return false }
            let present = Set(flags.split(separator: " "))
            return ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy { present.contains($0[...]) }
        }
    }

    /// Copies the upper triangle of a square row-major matrix onto the lower one, a band of rows per core and tile
    /// by tile so that the strided reads stay in cache.
    private static func mirrorUpperTriangle(_ c: UnsafeMutableBufferPointer<Double>, size: Int) {
        let tile = 64
        let matrix = DisjointWrites(c)
        // Band b writes only rows b·tile ..< (b + 1)·tile, left of the diagonal; it reads only the upper triangle.
        DispatchQueue.concurrentPerform(iterations: (size + tile - 1) / tile) { band in
            let i0 = band * tile
            for j0 in stride(from: 0, through: i0, by: tile) {
                for i in i0..<min(i0 + tile, size) {
                    for j in j0..<min(j0 + tile, i) { matrix[i * size + j] = matrix[j * size + i] }
                }
            }
        }
    }

    static let rowTile = 64
    static let dateTile = 256

    /// The same product by a blocked SIMD loop: a 2×4 register tile with two-lane accumulators, rows split
    /// into tiles that stay in cache while a chunk of dates is swept.
    static func portable(
        _ a: [Double], rowsA: Int, _ b: [Double], rowsB: Int, length: Int, symmetric: Bool = false,
        mirrored: Bool = true
    ) -> [Double] {
        precondition(a.count == rowsA * length && b.count == rowsB * length)
        var c = [Double](repeating: 0, count: rowsA * rowsB)
        guard length > 0 else { return c }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    for i0 in stride(from: 0, to: rowsA, by: rowTile) {
                        let i1 = min(i0 + rowTile, rowsA)
                        for j0 in stride(from: symmetric ? i0 : 0, to: rowsB, by: rowTile) {
                            let j1 = min(j0 + rowTile, rowsB)
                            for t0 in stride(from: 0, to: length, by: dateTile) {
                                let t1 = min(t0 + dateTile, length)
                                tile(
                                    pa, pb, pc, rows: i0..<i1, columns: j0..<j1, dates: t0..<t1, rowsB: rowsB,
                                    length: length)
                            }
                        }
                    }
                    if symmetric && mirrored {
                        for i in 0..<rowsA {
                            for j in 0..<i { pc[i * rowsB + j] = pc[j * rowsB + i] }
                        }
                    }
                }
            }
        }
        return c
    }

    @inline(__always)
    private static func tile(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, _ c: UnsafeMutableBufferPointer<Double>,
        rows: Range<Int>, columns: Range<Int>, dates: Range<Int>, rowsB: Int, length: Int
    ) {
        let base = a.baseAddress!
        let baseB = b.baseAddress!
        var i = rows.lowerBound
        while i < rows.upperBound {
            let twoRows = i + 1 < rows.upperBound
            let a0 = base + i * length
            let a1 = twoRows ? base + (i + 1) * length : a0
            var j = columns.lowerBound
            while j < columns.upperBound {
                let width = min(4, columns.upperBound - j)
                let b0 = baseB + j * length
                let b1 = width > 1 ? baseB + (j + 1) * length : b0
                let b2 = width > 2 ? baseB + (j + 2) * length : b0
                let b3 = width > 3 ? baseB + (j + 3) * length : b0
                let sums = kernel(a0, a1, b0, b1, b2, b3, dates: dates)
                for column in 0..<width {
                    c[i * rowsB + j + column] += sums.0[column]
                    if twoRows { c[(i + 1) * rowsB + j + column] += sums.1[column] }
                }
                j += 4
            }
            i += 2
        }
    }

    /// Sums `a0·b0 … a0·b3` and `a1·b0 … a1·b3` over `dates`.
    @inline(__always)
    private static func kernel(
        _ a0: UnsafePointer<Double>, _ a1: UnsafePointer<Double>, _ b0: UnsafePointer<Double>,
        _ b1: UnsafePointer<Double>, _ b2: UnsafePointer<Double>, _ b3: UnsafePointer<Double>, dates: Range<Int>
    ) -> (SIMD4<Double>, SIMD4<Double>) {
        var s00 = SIMD2<Double>(), s01 = SIMD2<Double>(), s02 = SIMD2<Double>(), s03 = SIMD2<Double>()
        var s10 = SIMD2<Double>(), s11 = SIMD2<Double>(), s12 = SIMD2<Double>(), s13 = SIMD2<Double>()
        var t = dates.lowerBound
        while t + 2 <= dates.upperBound {
            let x0 = load(a0 + t), x1 = load(a1 + t)
            let y0 = load(b0 + t), y1 = load(b1 + t), y2 = load(b2 + t), y3 = load(b3 + t)
            s00 += x0 * y0
            s01 += x0 * y1
            s02 += x0 * y2
            s03 += x0 * y3
            s10 += x1 * y0
            s11 += x1 * y1
            s12 += x1 * y2
            s13 += x1 * y3
            t += 2
        }
        var first = SIMD4(s00.sum(), s01.sum(), s02.sum(), s03.sum())
        var second = SIMD4(s10.sum(), s11.sum(), s12.sum(), s13.sum())
        if t < dates.upperBound {
            let y = SIMD4(b0[t], b1[t], b2[t], b3[t])
            first += a0[t] * y
            second += a1[t] * y
        }
        return (first, second)
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD2<Double>.self)
    }
}

import Foundation
import Testing

@testable import Correlation

/// `Tests/Fixtures/clusters/reference.json`, written by `reference.py` with scipy and numpy.
struct ClusterReference: Decodable {
    struct SectorInput: Decodable {
        let name: String
        let tickers: [String]
    }
    struct Member: Decodable {
        let ticker: String
        let ownDistance: Double?
        let nearestSector: String?
        let nearestDistance: Double?
        let silhouette: Double?
    }
    struct Sector: Decodable {
        let name: String
        let cohesion: Double?
        let nearest: String?
        let separation: Double?
        let silhouette: Double?
        let members: [Member]
    }
    struct Finding: Decodable, Equatable {
        let kind: String
        let sectors: [String]
        let ticker: String?
    }
    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let tickers: [String]
        let R: [[Double]]
        let sectorInput: [SectorInput]
        let Z: [[Double]]
        let sectors: [Sector]
        let findings: [Finding]
        var testDescription: String { name }
    }
    let cases: [Case]

    static let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/clusters/reference.json")
    static let all: [Case] = (try? Fixtures.decode(ClusterReference.self, from: url).cases) ?? []
    static let stored = all.filter { $0.name != "real" }
    static var real: Case? { all.first { $0.name == "real" } }
}

/// Average linkage, silhouettes and findings against scipy and numpy on the same matrices.
@Suite struct ClusteringReferenceTests {
    static let tolerance = 1e-9

    @Test func referenceCasesAreThere() {
        #expect(
            ClusterReference.stored.map(\.name) == [
                "synthetic", "ties-all-equal", "ties-blocks", "ties-line", "ties-pairs", "ties-random",
            ])
        #expect(ClusterReference.real != nil)
    }

    @Test(arguments: ClusterReference.stored)
    func linkageMatchesScipy(_ reference: ClusterReference.Case) {
        let distances = DistanceMatrix(tickers: reference.tickers, correlations: reference.R)
        Self.expectSameLinkage(distances.averageLinkage(), reference)
    }

    @Test(arguments: ClusterReference.stored)
    func sectorsMatchNumpy(_ reference: ClusterReference.Case) {
        let distances = DistanceMatrix(tickers: reference.tickers, correlations: reference.R)
        Self.expectSameSectors(distances, reference)
    }

    @Test func syntheticFindingsAreTheKnownStructure() throws {
        let reference = try #require(ClusterReference.stored.first { $0.name == "synthetic" })
        let analysis = ClusterAnalysis(
            distances: DistanceMatrix(tickers: reference.tickers, correlations: reference.R),
            sectors: reference.sectorInput.map { Sector(name: $0.name, tickers: $0.tickers) })
        let closer = analysis.findings.compactMap { finding -> String? in
            guard case .closerToOtherSector(let ticker, _, let other, _, _) = finding else { return nil }
            return "\(ticker) → \(other)"
        }
        // A5 is driven by Bravo's factor; Delta's two tickers are unrelated to each other.
        #expect(closer == ["A5 → Bravo", "D2 → Bravo"])
        #expect(analysis.separates("Bravo", "Charlie") == true)
        #expect(analysis.separates("Alpha", "Bravo") == false)
    }

    /// Z row for row: the same clusters merged (so the same tie order), heights to 1e-9, sizes.
    static func expectSameLinkage(_ dendrogram: Dendrogram, _ reference: ClusterReference.Case) {
        #expect(dendrogram.merges.count == reference.Z.count)
        for (k, (merge, row)) in zip(dendrogram.merges, reference.Z).enumerated() {
            let expected: [Int] = [Int(row[0]), Int(row[1]), Int(row[3])]
            #expect([merge.a, merge.b, merge.size] == expected, "\(reference.name) row \(k): \(merge) against \(row)")
            #expect(abs(merge.height - row[2]) <= tolerance, "\(reference.name) row \(k): \(merge.height) ≠ \(row[2])")
        }
    }

    static func expectSameSectors(_ distances: DistanceMatrix, _ reference: ClusterReference.Case) {
        let analysis = ClusterAnalysis(
            distances: distances, sectors: reference.sectorInput.map { Sector(name: $0.name, tickers: $0.tickers) })
        func close(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case (let a?, let b?): return abs(a - b) <= tolerance
            default: return false
            }
        }
        #expect(analysis.sectors.map(\.name) == reference.sectors.map(\.name))
        for (fit, expected) in zip(analysis.sectors, reference.sectors) {
            #expect(close(fit.cohesion, expected.cohesion), "\(fit.name) cohesion \(String(describing: fit.cohesion))")
            #expect(fit.nearest == expected.nearest, "\(fit.name)")
            #expect(close(fit.separation, expected.separation), "\(fit.name) separation")
            #expect(close(fit.silhouette, expected.silhouette), "\(fit.name) silhouette")
            #expect(fit.members.map(\.ticker) == expected.members.map(\.ticker))
            for (member, wanted) in zip(fit.members, expected.members) {
                #expect(close(member.ownDistance, wanted.ownDistance), "\(member.ticker) a")
                #expect(member.nearestSector == wanted.nearestSector, "\(member.ticker)")
                #expect(close(member.nearestDistance, wanted.nearestDistance), "\(member.ticker) b")
                #expect(close(member.silhouette, wanted.silhouette), "\(member.ticker) silhouette")
            }
        }
        let findings = analysis.findings.map { finding -> ClusterReference.Finding in
            var ticker: String? = nil
            if case .closerToOtherSector(let name, _, _, _, _) = finding { ticker = name }
            return ClusterReference.Finding(kind: finding.kind, sectors: finding.sectors, ticker: ticker)
        }
        #expect(findings == reference.findings, "\(reference.name)")
    }
}

/// The same comparison on every ticker of the real prices in `../shared/data/prices`, 2024-01-02 to 2026-01-30.
@Suite(.enabled(if: SharedData.available, "../shared/data/prices is absent beside the package"))
struct RealClusteringTests {
    static func matrix(_ reference: ClusterReference.Case) throws -> CorrelationMatrix {
        let since: Day = try #require(Day(iso: "2024-01-02"))
        let until: Day = try #require(Day(iso: "2026-01-30"))
        let options = CorrelationOptions(since: since, until: until)
        let prices = PriceFolder(url: SharedData.prices, displayName: "prices").load(reference.tickers)
        return CorrelationEngine.matrix(prices, tickers: reference.tickers, options: options)
    }

    @Test func engineMatrixIsPandasMatrix() throws {
        let reference = try #require(ClusterReference.real)
        let matrix = try Self.matrix(reference)
        for (i, a) in reference.tickers.enumerated() {
            for (j, b) in reference.tickers.enumerated() where i != j {
                let r = try #require(matrix.r(a, b), "\(a)-\(b)")
                #expect(abs(r - reference.R[i][j]) <= 1e-12, "\(a)-\(b)")
            }
        }
    }

    @Test func linkageOfTheEngineMatrixMatchesScipy() throws {
        let reference = try #require(ClusterReference.real)
        let distances = DistanceMatrix(matrix: try Self.matrix(reference))
        #expect(distances.tickers == reference.tickers)
        #expect(distances.leftOut.isEmpty)
        ClusteringReferenceTests.expectSameLinkage(distances.averageLinkage(), reference)
        ClusteringReferenceTests.expectSameSectors(distances, reference)
    }
}

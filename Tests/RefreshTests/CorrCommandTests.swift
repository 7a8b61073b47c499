import Foundation
import TestSupport
import Testing

@Suite("vaultgen corr on the command line")
struct CorrCommandTests {
    @Test func timingPrintsOneLineWithEveryStage() throws {
        let result = try CLI.run([
            "corr", "HUT", "IREN", "WULF", "--prices", Repo.samplePrices.path, "--format", "csv", "--timing",
        ])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("ticker,HUT,IREN,WULF\n"))
        let lines = result.err.split(separator: "\n").filter { $0.hasPrefix("timing: ") }
        let line = try #require(lines.count == 1 ? lines.first : nil, "\(result.err)")
        let stages = line.dropFirst("timing: ".count).split(separator: ", ").map { stage in
            stage.split(separator: " ").map(String.init)
        }
        #expect(stages.map { $0.first ?? "" } == ["read", "matrix", "figures", "write", "total"])
        for stage in stages {
            #expect(stage.count == 3 && stage[2] == "s", "\(stage)")
            let seconds = try #require(Double(stage[1]), "\(stage)")
            #expect(seconds >= 0)
        }
    }

    @Test func noTimingLineWithoutTheFlag() throws {
        let result = try CLI.run(["corr", "HUT", "IREN", "--prices", Repo.samplePrices.path, "--format", "csv"])
        #expect(result.status == 0)
        #expect(!result.err.contains("timing:"))
    }
}

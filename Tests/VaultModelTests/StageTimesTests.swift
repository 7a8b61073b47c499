import Testing

@testable import VaultModel

@Suite struct StageTimesTests {
    @Test func stagesAddUpInFirstRecordedOrder() {
        var times = StageTimes()
        times.record("parse", seconds: 0.25)
        times.record("scan", seconds: 0.002)
        times.record("parse", seconds: 0.5)
        #expect(times.stages.map(\.name) == ["parse", "scan"])
        #expect(times.line == "timing: parse 0.750 s, scan 0.002 s, total 0.752 s")
    }

    @Test func measureReturnsTheBodysValueAndRecordsIt() {
        var times = StageTimes()
        let value = times.measure("work") { 6 * 7 }
        #expect(value == 42)
        #expect(times.stages.count == 1)
        #expect(times.stages[0].seconds >= 0)
    }
}

import Foundation
import FuzzChecks

/// libFuzzer target: the price reader, and the correlation engine on what it reads.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPrices(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = FuzzChecks.new(FuzzChecks.prices(bytes))
    guard problems.isEmpty else {
        for problem in problems { FileHandle.standardError.write(Data("fuzz-prices: \(problem)\n".utf8)) }
        abort()
    }
    return 0
}

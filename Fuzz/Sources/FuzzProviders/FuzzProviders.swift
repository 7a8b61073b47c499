import Foundation
import FuzzChecks

/// libFuzzer target: a provider answer read as Stooq CSV and as Yahoo JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProviders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = FuzzChecks.new(FuzzChecks.providers(bytes))
    guard problems.isEmpty else {
        for problem in problems { FileHandle.standardError.write(Data("fuzz-providers: \(problem)\n".utf8)) }
        abort()
    }
    return 0
}

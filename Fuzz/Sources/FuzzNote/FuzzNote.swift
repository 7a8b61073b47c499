import Foundation
import FuzzChecks

/// libFuzzer target: the note parser (front matter, markdown, link scanner) and the link checker.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNote(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = FuzzChecks.new(FuzzChecks.note(bytes))
    guard problems.isEmpty else {
        for problem in problems { FileHandle.standardError.write(Data("fuzz-note: \(problem)\n".utf8)) }
        abort()
    }
    return 0
}

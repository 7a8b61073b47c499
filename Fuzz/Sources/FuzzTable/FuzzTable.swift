import Foundation
import FuzzChecks
import Refresh

/// The repository's templates, read once (this file is Fuzz/Sources/FuzzTable/FuzzTable.swift).
let templates: TemplateSet = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    do {
        return try TemplateSet.load(folder: root.appendingPathComponent("Templates"))
    } catch {
        fatalError("fuzz-table: \(error)")
    }
}()

/// libFuzzer target: the table recogniser on every paragraph, and the note as a sector note.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTable(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = FuzzChecks.new(FuzzChecks.table(bytes, templates: templates))
    guard problems.isEmpty else {
        for problem in problems { FileHandle.standardError.write(Data("fuzz-table: \(problem)\n".utf8)) }
        abort()
    }
    return 0
}

// Parse throughput, in process: reads every file once, then parses all of them N times,
// exactly what `hclref -bench N` does with HashiCorp's parser, so the two MB/s figures
// compare the parsers alone (no process start, no file I/O, no JSON output).
//
// Usage: parse-benchmark PASSES FILE...
// Prints {"files", "bytes", "passes", "seconds", "mb_per_s"}.
import Foundation
import HCL

let arguments = CommandLine.arguments.dropFirst()
guard let passes = arguments.first.flatMap(Int.init), passes > 0, arguments.count > 1 else {
    FileHandle.standardError.write(Data("usage: parse-benchmark PASSES FILE...\n".utf8))
    exit(2)
}
let sources: [(String, [UInt8])] = arguments.dropFirst().map { path in
    (path, FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])
}
let bytes = sources.reduce(0) { $0 + $1.1.count }
var diagnostics = 0
let start = DispatchTime.now().uptimeNanoseconds
for _ in 0..<passes {
    for (path, source) in sources {
        diagnostics &+= HCLParser.parse(source, path: path).diagnostics.count
    }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
print(
    "{\"files\": \(sources.count), \"bytes\": \(bytes), \"passes\": \(passes), \"seconds\": \(seconds), "
        + "\"mb_per_s\": \(Double(bytes * passes) / 1e6 / seconds), \"diagnostics\": \(diagnostics)}")

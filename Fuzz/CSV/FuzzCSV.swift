import FuzzSupport
import Foundation
import Gazetteer
import ThreatModel

/// CSV loaders: the gazetteer's table reader and the target-file reader
/// (through a temporary file, as users give them) never crash.
let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fuzz-csv-\(getpid()).csv")

func fuzzOne(_ data: Data) {
    guard data.count < 1 << 16 else { return }
    let text = String(decoding: data, as: UTF8.self)
    if let table = try? CSVTable(text: text, source: "fuzz.csv") { _ = try? PlaceTable.places(in: table, source: "fuzz.csv") }
    guard (try? data.write(to: scratch)) != nil else { return }
    _ = try? TargetFile.read(scratch)
}

#if FUZZING
@_cdecl("FuzzCSV_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc, arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzOne(fuzzData($0, $1)); return 0 }
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(fuzzData(bytes, size))
    return 0
}
#else
/// Without libFuzzer: the seeded smoke run over the corpus.
@main
enum SmokeEntry {
    static func main() {
        let status = FuzzDriver.smokeRun(name: "FuzzCSV", arguments: Array(CommandLine.arguments.dropFirst()), fuzzOne)
        try? FileManager.default.removeItem(at: scratch)
        exit(status)
    }
}
#endif

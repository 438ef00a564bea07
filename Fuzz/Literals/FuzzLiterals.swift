import FuzzSupport
import Foundation
import GeoModel

/// Coordinate, distance and azimuth literals: any text gives a value or a
/// typed error, never a crash.
func fuzzOne(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    _ = try? Coordinate.parse(text)
    _ = try? Distance(parsing: text)
    _ = try? AzimuthRange(parsing: text)
}

#if FUZZING
@_cdecl("FuzzLiterals_main")
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
        exit(FuzzDriver.smokeRun(name: "FuzzLiterals", arguments: Array(CommandLine.arguments.dropFirst()), fuzzOne))
    }
}
#endif

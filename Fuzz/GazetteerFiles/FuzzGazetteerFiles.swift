import FuzzSupport
import Foundation
import Gazetteer

/// The user's gazetteer files (`--gazetteer FILE`): GeoNames dumps, CSV and
/// GeoJSON of sites, each loaded over a one-row data directory and then
/// queried, give places or an error naming the file, never a crash.
/// The first input byte picks the file's extension (none, .csv, .geojson,
/// .txt), so content sniffing and every loader are reached.
let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fuzz-gazetteer-\(getpid())")
let extensions = ["", ".csv", ".geojson", ".txt"]

/// The data directory, made on first use.
let prepared: Void = setUp()

func setUp() {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let places = "name,latitude,longitude,kind,country,aliases,source\nBaghdad,33.34,44.40,capital,IQ,Bagdad,fuzz\n"
    try? places.write(to: folder.appendingPathComponent("places.csv"), atomically: true, encoding: .utf8)
}

func fuzzOne(_ data: Data) {
    _ = prepared
    guard let first = data.first, data.count < 1 << 16 else { return }
    let file = folder.appendingPathComponent("extra" + extensions[Int(first) % extensions.count])
    guard (try? data.dropFirst().write(to: file)) != nil else { return }
    defer { try? FileManager.default.removeItem(at: file) }
    guard let gazetteer = try? Gazetteer(dataDirectory: folder, extraFiles: [file]) else { return }
    _ = try? gazetteer.resolve("Baghdad")
    _ = try? gazetteer.resolve("Site A")
    _ = gazetteer.suggestions(for: "Bagdhad")
}

#if FUZZING
@_cdecl("FuzzGazetteerFiles_main")
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
        let status = FuzzDriver.smokeRun(name: "FuzzGazetteerFiles", arguments: Array(CommandLine.arguments.dropFirst()), fuzzOne)
        try? FileManager.default.removeItem(at: folder)
        exit(status)
    }
}
#endif

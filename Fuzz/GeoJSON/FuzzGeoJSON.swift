import FuzzSupport
import Foundation
import GeoModel
import Geometry

/// The GeoJSON reader, and GEOS validity of whatever polygons it accepts:
/// any bytes give features or a typed error, never a crash.
func fuzzOne(_ data: Data) {
    guard let features = try? GeoJSONReader().read(data, source: "fuzz") else { return }
    for feature in features.prefix(8) {
        switch feature.shape {
        case .polygon, .multiPolygon: _ = try? Topology.validity(of: feature.shape)
        default: break
        }
    }
}

#if FUZZING
@_cdecl("FuzzGeoJSON_main")
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
        exit(FuzzDriver.smokeRun(name: "FuzzGeoJSON", arguments: Array(CommandLine.arguments.dropFirst()), fuzzOne))
    }
}
#endif

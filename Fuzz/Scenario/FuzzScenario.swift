import FuzzSupport
import Foundation
import Gazetteer
import GeoModel
import ThreatModel

/// Scenario YAML: parsing and resolving against a small gazetteer and
/// catalog give a scenario or located issues, never a crash.
let gazetteer = Gazetteer(places: [
    Place(name: "Baghdad", coordinate: Coordinate(latitude: 33.34, longitude: 44.40), kind: .capital, country: "IQ", source: "fuzz"),
    Place(name: "Riyadh", coordinate: Coordinate(latitude: 24.69, longitude: 46.72), kind: .capital, country: "SA", source: "fuzz"),
])
let catalog = MissileCatalog(systems: [
    MissileSystem(name: "Zolfaghar", category: .srbm, range: .kilometers(700), source: "fuzz"),
])
let base = URL(fileURLWithPath: NSTemporaryDirectory())

func fuzzOne(_ data: Data) {
    guard data.count < 1 << 16 else { return }
    let text = String(decoding: data, as: UTF8.self)
    _ = ScenarioDocument.problems(in: text, file: "fuzz.yaml", baseDirectory: base, gazetteer: gazetteer, catalog: catalog)
}

#if FUZZING
@_cdecl("FuzzScenario_main")
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
        exit(FuzzDriver.smokeRun(name: "FuzzScenario", arguments: Array(CommandLine.arguments.dropFirst()), fuzzOne))
    }
}
#endif

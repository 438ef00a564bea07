// Map benchmark (not a test): render time and file size of the default
// scenario's SVG and of a world map with 50 footprints. Run with
// `make bench-map` (release build). Timings are printed, never asserted.
//
// Each workload is timed in steps: footprints (geodesic discs and area
// buffers), union per system (GEOS), and the SVG render (projection,
// clipping, simplification, labels), best of N after one warm-up.
import Export
import Foundation
import Gazetteer
import GeoModel
import Geometry
import ThreatModel

let arguments = Array(CommandLine.arguments.dropFirst())
let root = URL(fileURLWithPath: arguments.first ?? ".")
let runs = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 5) : 5

/// Best wall time of `runs` runs after a warm-up, seconds, and the last result.
func best<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
    var value = try body()
    var fastest = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        value = try body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (fastest, value)
}

func row(_ label: String, _ footprints: Double, _ union: Double, _ render: Double, bytes: Int, vertices: Int) {
    let cells = [label.padding(toLength: 34, withPad: " ", startingAt: 0)]
        + [footprints, union, render, footprints + union + render].map { String(format: "%9.3f", $0) }
        + [String(format: "%10d", vertices), String(format: "%10d", bytes)]
    print(cells.joined(separator: "  "))
}

/// The time and size of one map: footprints grouped by layer, then markers.
func measure(_ label: String, layers: [(name: String, detail: String, build: () throws -> [MultiPolygon])],
             markers: [MapContent.Marker], projection: MapProjection, extent: MapExtent, basemap: Basemap) throws {
    let footprints = try best { try layers.map { try $0.build() } }
    let united = try best { try footprints.value.map { try Topology.union($0) } }
    let vertices = united.value.reduce(0) { $0 + Shape.multiPolygon($1).allCoordinates.count }
    let content = MapContent(
        title: label, subtitle: "benchmark", credit: "ThreatMap benchmark",
        layers: zip(layers, united.value).map { MapContent.Layer(name: $0.name, detail: $0.detail, areas: [$1]) },
        sites: markers, targets: []
    )
    let renderer = SVGMapRenderer(width: 1200, height: 900, theme: .light, extent: extent, basemap: basemap)
    let svg = try best { try renderer.render(content, projection: projection) }
    row(label, footprints.seconds, united.seconds, svg.seconds, bytes: svg.value.utf8.count, vertices: vertices)
}

let dataDirectory = root.appendingPathComponent("Gazetteer")
let basemap = try Basemap(contentsOf: dataDirectory.appendingPathComponent("basemap/world.bin"))
let builder = FootprintBuilder(tolerance: .meters(10))
print("load average \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "?"), "
      + "best of \(runs), seconds (vertices after union; SVG bytes)")
print(["workload".padding(toLength: 34, withPad: " ", startingAt: 0), "footprints", "    union", "   render", "    total",
       "  vertices", "  svg bytes"].joined(separator: "  "))

// 1. The default scenario, as `threatmap map` draws it.
let gazetteer = try Gazetteer(dataDirectory: dataDirectory)
let catalog = try MissileCatalog(contentsOf: dataDirectory.appendingPathComponent("missiles.csv"))
let scenario = try ScenarioDocument.load(contentsOf: root.appendingPathComponent("Scenarios/iran-missiles-iraq-2018.yaml"))
    .resolve(gazetteer: gazetteer, catalog: catalog)
let center = Coordinate.mean(of: scenario.sites.map(\.place.coordinate))
try measure(
    "default scenario (aeqd, basemap)",
    layers: scenario.systems.map { system in
        (system.name, system.range.description, {
            try zip(scenario.sites, scenario.siteSystems).filter { $0.1.contains(system) }
                .map { try builder.footprint(of: system, from: $0.0).area }
        })
    },
    markers: scenario.sites.map { MapContent.Marker(label: $0.name, coordinate: $0.place.coordinate, tooltip: $0.name) }
        + scenario.targets.map { MapContent.Marker(label: $0.name, coordinate: $0.coordinate, tooltip: $0.name) },
    projection: .azimuthalEquidistant(center: center), extent: .auto, basemap: basemap
)

// 2. A world map: 50 sites spread over the globe (a fixed golden-angle
// spiral, poles and the antimeridian included), 1,000 km discs, 5 layers.
let sites = (0..<50).map { index -> Coordinate in
    let latitude = asin(-1 + 2 * (Double(index) + 0.5) / 50) * 180 / .pi
    let longitude = remainder(Double(index) * 137.50776405, 360)
    return Coordinate(latitude: latitude, longitude: longitude)
}
try measure(
    "world, 50 footprints (equirect.)",
    layers: (0..<5).map { layer in
        ("Layer \(layer + 1)", "1000 km", {
            try stride(from: layer, to: sites.count, by: 5).map { index in
                let site = LaunchSite(place: Place(name: "site \(index)", coordinate: sites[index], kind: .coordinate, country: "", source: "benchmark"))
                return try builder.footprint(of: .bareRange(.kilometers(1000)), from: site).area
            }
        })
    },
    markers: sites.enumerated().map { MapContent.Marker(label: "site \($0.offset)", coordinate: $0.element, tooltip: "site") },
    projection: .equirectangular(centralMeridian: 0), extent: .world, basemap: basemap
)

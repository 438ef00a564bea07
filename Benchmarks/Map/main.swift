// Map benchmark (not a test): render time and file size of the default
// scenario's SVG, of a world map with 50 footprints, and of one site with
// 100,000 targets (in steps, then `threatmap map` as a whole process). Run
// with `make bench-map` (release build). Timings are printed, never asserted.
// The default map is also timed in its phases and as a whole process
// against its target (0.3 s).
//
// Each workload is timed in steps: footprints (geodesic discs and area
// buffers), union per system (GEOS), and the SVG render (projection,
// clipping, simplification, labels), best of N after one warm-up.
import Export
import Foundation
import Gazetteer
import GeoModel
import Geometry
import Report
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
             markers: [MapContent.Marker], targets: [MapContent.Marker] = [], projection: MapProjection, extent: MapExtent,
             basemap: Basemap) throws {
    let footprints = try best { try layers.map { try $0.build() } }
    let united = try best { try footprints.value.map { try Topology.union($0) } }
    let vertices = united.value.reduce(0) { $0 + Shape.multiPolygon($1).allCoordinates.count }
    let content = MapContent(
        title: label, subtitle: "benchmark", credit: "ThreatMap benchmark",
        layers: zip(layers, united.value).map { MapContent.Layer(name: $0.name, detail: $0.detail, areas: [$1]) },
        sites: markers, targets: targets
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
let catalog = try MissileCatalog(contentsOf: dataDirectory.appendingPathComponent("missiles"))
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

// The default map's phases, in process as `threatmap map` runs them (best
// of N after a warm-up; the gazetteer load is another module's work, shown
// apart), then the whole process against the target.
do {
    let document = root.appendingPathComponent("Scenarios/iran-missiles-iraq-2018.yaml")
    let load = try best { try Gazetteer(dataDirectory: dataDirectory) }
    let resolve = try best { try ScenarioDocument.load(contentsOf: document).resolve(gazetteer: gazetteer, catalog: catalog) }
    let footprints = try best { try scenario.footprints(builder: builder) }
    let reach = try best { try scenario.reach() }
    let union = try best {
        try scenario.systems.map { system in try builder.union(of: footprints.value.filter { $0.system == system }) }
    }
    let basemapLoad = try best { try Basemap(contentsOf: dataDirectory.appendingPathComponent("basemap/world.bin")) }
    let content = MapContent(
        title: scenario.document.title, subtitle: "benchmark", date: scenario.document.date, credit: "ThreatMap benchmark",
        layers: zip(scenario.systems, union.value).map { MapContent.Layer(name: $0.name, detail: $0.range.description, areas: [$1]) },
        sites: scenario.sites.map { MapContent.Marker(label: $0.name, coordinate: $0.place.coordinate, tooltip: $0.name) },
        targets: scenario.targets.map { MapContent.Marker(label: $0.name, coordinate: $0.coordinate, tooltip: $0.name) },
        launchAreas: scenario.sites.compactMap { site in
            guard case let .area(area) = site.extent else { return nil }
            return MapContent.LaunchArea(name: site.name, tooltip: site.name, polygons: area.polygons)
        }
    )
    let renderer = SVGMapRenderer(width: 1200, height: 900, theme: .light, extent: .auto, basemap: basemap)
    let svg = try best { try renderer.render(content, projection: .azimuthalEquidistant(center: center)) }
    let texts = best {
        GeoJSONWriter().document(footprints.value.map { Feature(shape: .multiPolygon($0.area)) }).utf8.count
            + ScenarioBrief.markdown(scenario, results: reach.value).utf8.count
    }
    print("default map, phases in process (best of \(runs), seconds):")
    let phases = [("gazetteer load (Gazetteer module)", load.seconds), ("scenario read and resolved", resolve.seconds),
                  ("footprints (discs, area buffers)", footprints.seconds), ("reach decisions", reach.seconds),
                  ("union per system", union.seconds), ("basemap load", basemapLoad.seconds),
                  ("SVG (projection, basemap, labels)", svg.seconds), ("GeoJSON and brief text", texts.seconds)]
    for (label, seconds) in phases {
        print("  " + label.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%7.3f", seconds))
    }
    let sum = phases.reduce(0) { $0 + $1.1 }
    print("  " + "sum".padding(toLength: 36, withPad: " ", startingAt: 0)
          + String(format: "%7.3f (%.3f without the gazetteer load)", sum, sum - load.seconds))
}

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

// 3. One site, 100,000 targets (a fixed grid of points around it, from a
// CSV as users give them): reach decisions, the SVG (a marker and a label
// try for every target), the Markdown brief; then `threatmap map` on the
// same scenario as a whole process, when the release binary is built.
let targetCount = 100_000
let work = FileManager.default.temporaryDirectory.appendingPathComponent("threatmap-bench-map-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
var rows = "name,lat,lon\n"
for index in 0..<targetCount {
    // A 400 × 250 grid over 28–38° N, 38–52° E, nudged off its lines.
    let latitude = 28 + Double(index / 400) * 0.04 + Double(index % 7) * 0.003
    let longitude = 38 + Double(index % 400) * 0.035 + Double(index % 5) * 0.002
    rows += "T\(index),\(latitude),\(longitude)\n"
}
try rows.write(to: work.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
let manyYAML = work.appendingPathComponent("many-targets.yaml")
try """
    title: One site, \(targetCount) targets
    systems: [Zolfaghar]
    sites:
      - name: Site
        coordinates: "33.0,44.0"
    targets:
      - file: targets.csv
    outputs:
      stem: many-targets
    """.write(to: manyYAML, atomically: true, encoding: .utf8)
let many = try ScenarioDocument.load(contentsOf: manyYAML).resolve(gazetteer: gazetteer, catalog: catalog)
let decisions = try best { try many.reach() }
var reached = Set<Int>()
for (index, result) in decisions.value.enumerated() where result.inRange { reached.insert(index % many.targets.count) }
try measure(
    "1 site, \(targetCount / 1000)k targets (aeqd)",
    layers: many.systems.map { system in
        (system.name, system.range.description, { try many.sites.map { try builder.footprint(of: system, from: $0).area } })
    },
    markers: many.sites.map { MapContent.Marker(label: $0.name, coordinate: $0.place.coordinate, tooltip: $0.name) },
    targets: many.targets.enumerated().map {
        MapContent.Marker(label: $0.element.name, coordinate: $0.element.coordinate, tooltip: $0.element.name,
                          highlighted: reached.contains($0.offset))
    },
    projection: .azimuthalEquidistant(center: many.sites[0].place.coordinate), extent: .auto, basemap: basemap
)
let brief = best { ScenarioBrief.markdown(many, results: decisions.value) }
print(String(format: "  reach decisions %.3f s, brief %.3f s (%d decisions, %d in range)",
             decisions.seconds, brief.seconds, decisions.value.count, reached.count))

// The whole process, as a user runs it: read, resolve, decide, draw, write.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("threatmap")

/// Processor time (user + system) the finished children have used so far, seconds.
func childrenCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    #else
    getrusage(RUSAGE_CHILDREN, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Best wall time and processor time of `threatmap` with `arguments` over
/// `count` runs, seconds; nil when a run fails.
func wholeProcess(_ arguments: [String], count: Int) throws -> (wall: Double, cpu: Double)? {
    var wall = Double.infinity, cpu = Double.infinity
    for _ in 0..<count {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let before = childrenCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        wall = min(wall, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        cpu = min(cpu, childrenCPUSeconds() - before)
    }
    return (wall, cpu)
}

if FileManager.default.isExecutableFile(atPath: binary.path) {
    // The default map, as `threatmap map` draws it: gazetteer load included.
    let target = 0.3
    if let run = try wholeProcess(["map", "--data", dataDirectory.path, "--output-dir", work.appendingPathComponent("default").path,
                                   "--quiet"], count: runs) {
        print(String(format: "  threatmap map (default scenario), whole process: %.2f s wall, %.2f s CPU (best of %d; target %.1f s",
                     run.wall, run.cpu, runs, target) + (run.wall < target ? ", met)" : ", not met)"))
    } else {
        print("  threatmap map (default scenario) failed")
    }
    var fastest = Double.infinity
    for _ in 0..<min(runs, 3) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["map", manyYAML.path, "--data", dataDirectory.path, "--output-dir", work.appendingPathComponent("out").path, "--quiet"]
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { print("  threatmap map failed: status \(process.terminationStatus)"); break }
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    // Peak resident memory of the largest child so far (kilobytes on Linux): these runs.
    var usage = rusage()
    #if os(Linux)
    let children = __rusage_who_t(RUSAGE_CHILDREN.rawValue)
    #else
    let children = RUSAGE_CHILDREN
    #endif
    getrusage(children, &usage)
    print(String(format: "  threatmap map, whole process: %.2f s (best of %d), peak memory %.0f MB",
                 fastest, min(runs, 3), Double(usage.ru_maxrss) / 1024))
} else {
    print("  threatmap map, whole process: build it first (swift build -c release --product threatmap)")
}

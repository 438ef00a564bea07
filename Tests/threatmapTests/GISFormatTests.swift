import Foundation
import Testing

/// GIS sources and outputs through GDAL, checked with GDAL's own ogrinfo.
@Suite struct GISFormatTests {
    private let fixtures = Repository.root.appendingPathComponent("Tests/threatmapTests/Fixtures/gis")

    private func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Every `[lon, lat]` of a rings GeoJSON document, feature by feature, with the site names.
    private func footprints(_ text: String) throws -> [(site: String, positions: [[Double]])] {
        let document = try #require(try parseJSON(text) as? [String: Any])
        let features = try #require(document["features"] as? [[String: Any]])
        return features.map { feature in
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let geometry = feature["geometry"] as? [String: Any] ?? [:]
            return (properties["site"] as? String ?? "", allPositions(geometry["coordinates"]))
        }
    }

    @Test func utmShapefileGivesTheFootprintsOfTheSameSitesInAWGS84GeoPackage() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        func rings(_ source: String, _ layer: [String] = []) throws -> [(site: String, positions: [[Double]])] {
            let result = try threatmap("rings", ["--from", fixture(source)] + layer + ["--name-field", "site_name", "--range", "300km", "--precision", "9"], in: scratch.url)
            expectSuccess(result)
            return try footprints(result.stdout)
        }
        let utm = try rings("sites-utm38n.shp")
        let wgs84 = try rings("sites.gpkg", ["--layer", "sites"])
        #expect(utm.map(\.site) == ["Jurf al-Sakhar", "Basra"])
        #expect(utm.map(\.site) == wgs84.map(\.site))
        var largest = 0.0
        for (a, b) in zip(utm, wgs84) {
            try #require(a.positions.count == b.positions.count)
            for (p, q) in zip(a.positions, b.positions) {
                let east = (p[0] - q[0]) * 111_320 * cos(p[1] * .pi / 180), north = (p[1] - q[1]) * 110_574
                largest = max(largest, (east * east + north * north).squareRoot())
            }
        }
        #expect(largest < 0.01, "largest vertex gap \(largest) m")
    }

    @Test func geoPackageFlatGeobufAndShapefileOutputsOpenInOgrinfo() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let reach = try threatmap("reach", ["--from", "Jurf al-Sakhar", "--from", "51.88,-176.65", "--missile", "Zolfaghar",
                                            "--to", fixture("targets-wkt.csv"), "--to", "52.0,179.5", "--output", "out.gpkg"], in: scratch.url)
        #expect(reach.status == 0, "\(reach)")
        let info = try runProcess(try ogrTool("ogrinfo"), ["-so", "out.gpkg"], in: scratch.url)
        for layer in ["1: footprints (Multi Polygon)", "2: launch_sites (Point)", "3: targets (Point)", "4: reach_paths (Line String)", "5: layer_styles (None)"] {
            #expect(info.stdout.contains(layer), "\(info)")
        }
        // 2 sites × 1 system × 4 targets; Adak reaches the point across ±180, Jurf al-Sakhar Kuwait City.
        let targets = try runProcess(try ogrTool("ogrinfo"), ["-al", "-so", "out.gpkg", "targets"], in: scratch.url)
        #expect(targets.stdout.contains("Feature Count: 8"), "\(targets)")
        let inRange = try runProcess(try ogrTool("ogrinfo"), ["-q", "-sql", "SELECT target FROM targets WHERE in_range = 1", "out.gpkg"], in: scratch.url)
        #expect(inRange.stdout.contains("Kuwait City") && inRange.stdout.contains("52.0,179.5"), "\(inRange)")
        let styles = try runProcess(try ogrTool("ogrinfo"), ["-q", "-sql", "SELECT f_table_name FROM layer_styles", "out.gpkg"], in: scratch.url)
        #expect(styles.stdout.contains("footprints") && styles.stdout.contains("reach_paths"), "\(styles)")

        for suffix in ["fgb", "shp"] {
            let rings = try threatmap("rings", ["--from", "Jurf al-Sakhar", "--from", "51.88,-176.65", "--range", "700km", "--output", "rings.\(suffix)"], in: scratch.url)
            #expect(rings.status == 0, "\(rings)")
            // Shapefiles have one polygon type for polygons and multipolygons.
            for (layer, type) in [("footprints", suffix == "shp" ? "Polygon" : "Multi Polygon"), ("launch_sites", "Point")] {
                let summary = try runProcess(try ogrTool("ogrinfo"), ["-al", "-so", "rings_\(layer).\(suffix)"], in: scratch.url)
                #expect(summary.status == 0 && summary.stdout.contains("Feature Count: 2") && summary.stdout.contains("Geometry: \(type)"), "\(summary)")
            }
        }
    }

    @Test func layerFilterAndNameFieldChooseTheFeatures() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let area = try threatmap("reach", ["--from", fixture("sites.gpkg"), "--layer", "areas", "--name-field", "site_name", "--range", "100km",
                                           "--to", "33.3,44.4", "--format", "csv"], in: scratch.url)
        expectSuccess(area)
        #expect(area.stdout.contains("Anbar box,100 km,\"33.3,44.4\""), "\(area)")
        let filtered = try threatmap("reach", ["--from", "Baghdad", "--range", "700km", "--to", fixture("sites.gpkg"), "--layer", "sites",
                                               "--where", "kind = 'city'", "--name-field", "site_name", "--format", "csv"], in: scratch.url)
        expectSuccess(filtered)
        #expect(filtered.stdout.split(separator: "\n").count == 2 && filtered.stdout.contains("Baghdad,700 km,Basra,"), "\(filtered)")
    }

    @Test func aKMLMultiGeometryOfPolygonsIsOneLaunchArea() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("rings", ["--from", fixture("multigeometry.kml"), "--range", "10km", "--format", "table"], in: scratch.url)
        expectSuccess(result)
        // Two polygons, one footprint of two parts; the label point inside adds nothing.
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Two boxes and their label") })
        #expect(row.split(separator: " ").dropLast().last == "2", "\(row)")
    }

    @Test func badSourcesFailNamingSourceAndLayerAndWriteNothing() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let sites = fixture("sites.gpkg")
        let cases: [([String], Int32, String)] = [
            (["--to", sites, "--layer", "nope"], 65, "no layer 'nope' (its layers: sites, areas)"),
            (["--to", sites], 65, "has 2 layers; name one"),
            (["--to", sites, "--layer", "sites", "--name-field", "label"], 65, "layer sites: no field 'label'"),
            (["--to", sites, "--layer", "areas"], 65, "layer areas, feature 1: it is not a point"),
            (["--to", sites, "--layer", "sites", "--where", "kind = = 1"], 65, "the filter \"kind = = 1\" was refused"),
            (["--to", "missing.gpkg"], 66, "missing.gpkg"),
            (["--to", "PG:host=\(scratch.url.path) dbname=nothing user=nobody password=secret", "--layer", "targets"], 66, "cannot open"),
        ]
        for (arguments, status, message) in cases {
            let result = try threatmap("reach", ["--from", "Baghdad", "--range", "700km", "--output", "out.gpkg"] + arguments, in: scratch.url)
            #expect(result.status == status, "\(arguments): \(result)")
            #expect(result.stderr.contains(message), "\(arguments): \(result)")
            #expect(!result.stderr.contains("secret"), "the password is not shown: \(result)")
            #expect(scratch.regularFiles().isEmpty, "\(arguments) left \(scratch.regularFiles())")
        }
        // An output that would replace an input is refused before anything is written.
        try FileManager.default.copyItem(atPath: sites, toPath: scratch.path("mine.gpkg"))
        let before = try Data(contentsOf: scratch.url.appendingPathComponent("mine.gpkg"))
        let replacing = try threatmap("reach", ["--from", "Baghdad", "--range", "700km", "--to", "mine.gpkg", "--layer", "sites", "--output", "mine.gpkg"], in: scratch.url)
        #expect(replacing.status == 64 && replacing.stderr.contains("would replace the input mine.gpkg"), "\(replacing)")
        #expect(try Data(contentsOf: scratch.url.appendingPathComponent("mine.gpkg")) == before)
        try FileManager.default.removeItem(atPath: scratch.path("mine.gpkg"))

        // A shapefile whose projection file is nonsense: its metres are not taken as degrees.
        for part in ["shp", "shx", "dbf"] {
            try FileManager.default.copyItem(atPath: fixture("sites-utm38n.\(part)"), toPath: scratch.path("broken.\(part)"))
        }
        try Data("PROJCS[\"nonsense\"]".utf8).write(to: scratch.url.appendingPathComponent("broken.prj"))
        let broken = try threatmap("rings", ["--from", "broken.shp", "--range", "300km"], in: scratch.url)
        #expect(broken.status == 65 && broken.stderr.contains("broken.shp"), "\(broken)")
        #expect(broken.stdout.isEmpty)
    }
}

@Suite struct OutputDeviceTests {
    /// A pipe (as a shell's `>(command)` gives) is written into, not replaced by a regular file.
    @Test func aPipeAsOutputIsWrittenIntoNotReplaced() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let pipe = scratch.path("pipe")
        try #require(mkfifo(pipe, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat pipe > received.csv"]
        reader.currentDirectoryURL = scratch.url
        try reader.run()
        let result = try threatmap("reach", ["--from", "Baghdad", "--range", "700km", "--to", "Kuwait", "--format", "csv", "--output", "pipe"], in: scratch.url)
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result)")
        var info = stat()
        #expect(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the pipe is still a pipe")
        let received = try String(contentsOf: scratch.url.appendingPathComponent("received.csv"), encoding: .utf8)
        #expect(received.hasPrefix("site,missile,target,") && received.contains("Kuwait"), "\(received)")
    }
}

/// A GDAL command-line tool; throws (the test fails, never skips) when missing.
private func ogrTool(_ name: String) throws -> URL {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw ProcessFailure.notFound("\(name) is not on PATH: install the gdal-bin package (apt-get install gdal-bin)")
}

/// GIS layers where other commands take files: the gazetteer and scenarios.
@Suite struct GISSourcesEverywhereTests {
    private let fixtures = Repository.root.appendingPathComponent("Tests/threatmapTests/Fixtures/gis")

    @Test func aGISLayerExtendsTheGazetteer() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("resolve", ["Fixture Air Base", "--gazetteer", fixtures.appendingPathComponent("places.fgb").path], in: scratch.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Camp Fixture") && result.stdout.contains("33.79"), "\(result)")
        #expect(result.stdout.contains("airbase"), "\(result)")
    }

    @Test func scenarioSitesAndTargetsMayBeGISFiles() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        // A scenario reads files in its own folder only.
        for file in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(file), to: scratch.url.appendingPathComponent(file))
        }
        let scenario = """
            title: GIS inputs
            systems: [Zolfaghar]
            sites:
              - name: UTM sites
                geojson: sites-utm38n.shp
            targets:
              - file: targets-wkt.csv
              - file: places.fgb
            outputs:
              stem: gis
              formats: [csv, gpkg]
            """
        try Data(scenario.utf8).write(to: scratch.url.appendingPathComponent("gis.yaml"))
        let result = try threatmap("map", ["gis.yaml", "--output-dir", "out", "--no-basemap"], in: scratch.url)
        #expect(result.status == 0, "\(result)")
        let csv = try String(contentsOf: scratch.url.appendingPathComponent("out/gis.csv"), encoding: .utf8)
        // 2 sites from the shapefile × 5 targets from the CSV and the FlatGeobuf.
        #expect(csv.split(separator: "\n").count == 11, "\(csv)")
        #expect(csv.contains("Kuwait City") && csv.contains("Camp Fixture"), "\(csv)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("out/gis.gpkg")))
    }
}

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ThreatMap",
    platforms: [.macOS(.v13)],
    products: [
        .library(
            name: "ThreatMapKit",
            targets: ["GeoModel", "Geodesy", "Geometry", "Gazetteer", "GIS", "ThreatModel", "Export", "Extraction", "Report"]
        ),
        .executable(name: "threatmap", targets: ["threatmap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]
        ),
        // GDAL's C API, loaded at run time by the GIS module (see Sources/CGDAL/include/CGDAL.h).
        .target(name: "CGDAL", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "GeoModel"),
        .target(name: "GIS", dependencies: ["GeoModel", "CGDAL"]),
        .target(name: "Geodesy", dependencies: ["GeoModel", "CPROJ"]),
        .target(name: "Geometry", dependencies: ["GeoModel", "CGEOS"]),
        .target(name: "Gazetteer", dependencies: ["GeoModel"]),
        .target(
            name: "ThreatModel",
            dependencies: ["GeoModel", "Geodesy", "Geometry", "Gazetteer", "GIS", "Export", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Export", dependencies: ["GeoModel", "Geodesy", "CPROJ"]),
        .target(name: "Extraction", dependencies: ["GeoModel", "Gazetteer", "ThreatModel", "Geodesy"]),
        .target(name: "Report", dependencies: ["GeoModel", "Geodesy", "Geometry", "Gazetteer", "GIS", "ThreatModel", "Export", "Extraction"]),
        .executableTarget(
            name: "threatmap",
            dependencies: [
                "GeoModel", "Geodesy", "Geometry", "Gazetteer", "GIS", "ThreatModel", "Export", "Extraction", "Report",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "GazetteerBenchmark", dependencies: ["Gazetteer", "GeoModel"], path: "Benchmarks/Gazetteer"),
        .executableTarget(name: "RangeBenchmark", dependencies: ["Gazetteer", "GeoModel", "Geodesy", "Geometry", "ThreatModel"], path: "Benchmarks/Range", exclude: ["peer_shapely.py", "report.py"]),
        // Fuzz targets: libFuzzer under `make fuzz`, a seeded smoke run otherwise (see Fuzz/README.md).
        .target(name: "FuzzSupport", path: "Fuzz/Support"),
        .executableTarget(name: "FuzzLiterals", dependencies: ["FuzzSupport", "GeoModel"], path: "Fuzz/Literals"),
        .executableTarget(name: "FuzzGeoJSON", dependencies: ["FuzzSupport", "GeoModel", "Geometry"], path: "Fuzz/GeoJSON"),
        .executableTarget(name: "FuzzScenario", dependencies: ["FuzzSupport", "Gazetteer", "GeoModel", "ThreatModel"], path: "Fuzz/Scenario"),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", "Gazetteer", "ThreatModel"], path: "Fuzz/CSV"),
        .executableTarget(name: "FuzzGazetteerFiles", dependencies: ["FuzzSupport", "Gazetteer"], path: "Fuzz/GazetteerFiles"),
        .executableTarget(name: "FuzzExtract", dependencies: ["FuzzSupport", "Extraction", "Gazetteer", "GeoModel", "ThreatModel"], path: "Fuzz/Extract"),
        .executableTarget(name: "PopulationBenchmark", dependencies: ["Gazetteer", "GeoModel", "ThreatModel"], path: "Benchmarks/Population", exclude: ["peer_population.py"]),
        .executableTarget(name: "MapBenchmark", dependencies: ["Export", "Gazetteer", "GeoModel", "Geometry", "Report", "ThreatModel"], path: "Benchmarks/Map"),
        .executableTarget(name: "ReachBenchmark", dependencies: ["GeoModel", "Geodesy", "ThreatModel"], path: "Benchmarks/Reach", exclude: ["peer_pyproj.py", "peer_shapely.py", "report.py"]),
        .testTarget(name: "GeoModelTests", dependencies: ["GeoModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GeodesyTests", dependencies: ["GeoModel", "Geodesy", "Geometry"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GeometryTests", dependencies: ["GeoModel", "Geometry"]),
        .testTarget(name: "GISTests", dependencies: ["GIS", "GeoModel"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer", "GeoModel"], exclude: ["Fixtures"]),
        .testTarget(name: "ThreatModelTests", dependencies: ["Gazetteer", "GeoModel", "Geodesy", "Geometry", "ThreatModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "GeoModel", "Geodesy"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Gazetteer", "GeoModel", "Geodesy", "ThreatModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "ThreatModel", "Export", "Extraction", "Gazetteer", "GeoModel", "Geodesy"], exclude: ["Fixtures"]),
        .testTarget(name: "threatmapTests", dependencies: ["threatmap"], resources: [.copy("Fixtures")]),
    ]
)

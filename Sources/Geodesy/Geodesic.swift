import CPROJ
import GeoModel

/// An ellipsoid of revolution with Karney's geodesic algorithms
/// (PROJ's `geodesic.h`, accurate to about 15 nanometres on WGS84).
///
/// A plain value: `geod_init` runs once, and every call passes the
/// initialised struct by `const` pointer, so one instance is safely shared.
public struct Geodesic: Sendable {
    /// The initialised C struct (coefficients only, no pointers).
    let raw: geod_geodesic
    /// Equatorial radius in metres.
    public let equatorialRadius: Double
    /// Flattening (0 for a sphere).
    public let flattening: Double

    /// - Parameters:
    ///   - equatorialRadius: metres.
    ///   - flattening: dimensionless, e.g. 1/298.257223563.
    public init(equatorialRadius: Double, flattening: Double) {
        var geodesic = geod_geodesic()
        geod_init(&geodesic, equatorialRadius, flattening)
        raw = geodesic
        self.equatorialRadius = equatorialRadius
        self.flattening = flattening
    }

    /// The WGS84 ellipsoid.
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257_223_563)

    /// Solves the direct problem: where a geodesic from `start` ends.
    /// Wraps `geod_direct`.
    /// - Parameters:
    ///   - start: a point with latitude in [-90, 90] degrees.
    ///   - azimuth: initial azimuth, degrees clockwise from north.
    ///   - distance: length along the geodesic.
    /// - Returns: the end point (longitude in [-180, 180]) and the azimuth there.
    public func direct(from start: Coordinate, azimuth: Double, distance: Distance) -> DirectSolution {
        var latitude = 0.0, longitude = 0.0, finalAzimuth = 0.0
        withUnsafePointer(to: raw) { geodesic in
            geod_direct(geodesic, start.latitude, start.longitude, azimuth, distance.meters,
                        &latitude, &longitude, &finalAzimuth)
        }
        return DirectSolution(
            destination: Coordinate(latitude: latitude, longitude: longitude),
            finalAzimuth: finalAzimuth
        )
    }

    /// Solves the inverse problem: the shortest geodesic between two points.
    /// Wraps `geod_inverse`.
    /// - Returns: the distance and the azimuths (degrees clockwise from north)
    ///   at both ends. Azimuths at a pole or between antipodes follow
    ///   `geod_inverse`'s conventions.
    public func inverse(from start: Coordinate, to end: Coordinate) -> InverseSolution {
        var meters = 0.0, initialAzimuth = 0.0, finalAzimuth = 0.0
        withUnsafePointer(to: raw) { geodesic in
            geod_inverse(geodesic, start.latitude, start.longitude, end.latitude, end.longitude,
                         &meters, &initialAzimuth, &finalAzimuth)
        }
        return InverseSolution(
            distance: Distance(meters: meters),
            initialAzimuth: initialAzimuth,
            finalAzimuth: finalAzimuth
        )
    }

    /// Geodesic distance between two points (the inverse problem's length only).
    public func distance(from start: Coordinate, to end: Coordinate) -> Distance {
        var meters = 0.0
        withUnsafePointer(to: raw) { geodesic in
            geod_inverse(geodesic, start.latitude, start.longitude, end.latitude, end.longitude,
                         &meters, nil, nil)
        }
        return Distance(meters: meters)
    }
}

/// The result of `Geodesic.direct`.
public struct DirectSolution: Hashable, Sendable {
    /// End point; longitude in [-180, 180] degrees.
    public var destination: Coordinate
    /// Forward azimuth at the end point, degrees clockwise from north.
    public var finalAzimuth: Double
}

/// The result of `Geodesic.inverse`.
public struct InverseSolution: Hashable, Sendable {
    /// Length of the shortest geodesic.
    public var distance: Distance
    /// Azimuth at the start, degrees clockwise from north, in [-180, 180].
    public var initialAzimuth: Double
    /// Forward azimuth at the end, degrees clockwise from north, in [-180, 180].
    public var finalAzimuth: Double
}

import Foundation
import GeoModel

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fixed-seed generator, so
/// every run and every machine draws the same launch sites.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` (53 random bits).
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) / Double(UInt64(1) << 53)
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }
}

/// Where a benchmark site sits, so accuracy can be reported per kind.
enum SiteKind: String, Codable, CaseIterable {
    /// Middle East and around: lat 12..42 N, lon 25..63 E (the 300 km
    /// rings overlap heavily, as real launch-site sets do).
    case regional
    /// Within 2° of longitude of ±180, lat 60 S..66 N: every ring crosses
    /// the antimeridian and is cut into two pieces.
    case antimeridian
    /// Lat 80..89.5 N, any longitude: rings above ~87.3 N enclose the pole
    /// and are closed along it.
    case polar
}

struct Site {
    var kind: SiteKind
    var coordinate: Coordinate
}

enum SiteSet {
    static let seed: UInt64 = 0x7468_7265_6174_6D70  // "threatmp"

    /// 1,000 sites by default: 940 regional, 30 antimeridian, 30 polar,
    /// interleaved so every slice of the list holds some of each.
    static func make(count: Int = 1_000, antimeridian: Int = 30, polar: Int = 30) -> [Site] {
        var random = SplitMix64(seed: seed)
        var sites = [Site]()
        sites.reserveCapacity(count)
        let special = antimeridian + polar
        let stride = special > 0 ? max(1, count / special) : count + 1
        var (madeAntimeridian, madePolar) = (0, 0)
        for index in 0..<count {
            if index % stride == stride / 2, madeAntimeridian + madePolar < special {
                if madeAntimeridian <= madePolar, madeAntimeridian < antimeridian {
                    madeAntimeridian += 1
                    let offset = random.uniform(-2...2)
                    let longitude = offset >= 0 ? 180 - offset : -180 - offset
                    sites.append(Site(kind: .antimeridian, coordinate: Coordinate(
                        latitude: random.uniform(-60...66), longitude: longitude)))
                } else {
                    madePolar += 1
                    sites.append(Site(kind: .polar, coordinate: Coordinate(
                        latitude: random.uniform(80...89.5), longitude: random.uniform(-180...180))))
                }
            } else {
                sites.append(Site(kind: .regional, coordinate: Coordinate(
                    latitude: random.uniform(12...42), longitude: random.uniform(25...63))))
            }
        }
        return sites
    }

    /// `id,kind,latitude,longitude`, numbers in Swift's shortest round-trip
    /// form so the Python peer reads exactly the same doubles.
    static func csv(_ sites: [Site]) -> String {
        var text = "id,kind,latitude,longitude\n"
        for (index, site) in sites.enumerated() {
            text += "\(index),\(site.kind.rawValue),\(site.coordinate.latitude),\(site.coordinate.longitude)\n"
        }
        return text
    }
}

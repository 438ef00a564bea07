import Foundation

/// One place a query may mean.
public struct Candidate: Sendable, Hashable {
    /// How the query met the place's name.
    public enum Match: String, Sendable {
        /// Same folded name (case, accents, marks, spacing).
        case exact
        /// `Name, Qualifier`: the name, within the named country or province.
        case qualified
        /// Same folded text as one of the place's other names (another
        /// spelling, script or former name), not its own.
        case alias
        /// Same loose key (articles, transliteration pairs), spelled close enough.
        case loose
        /// The query was typed as a code (IATA, ICAO, country) and is one of the place's.
        case code
        /// The query was a coordinate literal.
        case coordinate

        /// Whether the user should be told which place the query became:
        /// an alias, a loose spelling or a code may mean another place than
        /// the one meant.
        public var needsNotice: Bool {
            switch self {
            case .exact, .qualified, .coordinate: false
            case .alias, .loose, .code: true
            }
        }
    }

    public var place: Place
    public var match: Match
    /// Prominence used for ranking (higher first); see the README.
    public var score: Double

    /// What to tell the user when the match is less than the place's own
    /// name: `'Bagdad' resolved to Baghdad (capital, IQ) by loose match`;
    /// nil for an exact match or a coordinate.
    public func notice(for query: String) -> String? {
        guard match.needsNotice else { return nil }
        let how = switch match {
        case .alias: "alias"
        case .loose: "loose match"
        default: "code"
        }
        let country = place.country.isEmpty ? "" : ", \(place.country)"
        return "'\(query)' resolved to \(place.name) (\(place.kind.rawValue)\(country)) by \(how)"
    }
}

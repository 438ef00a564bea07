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
    /// Another place the same name means, of the other sort (a town beside
    /// a facility met by its bare name), which the user should know of.
    public var alternative: Place?

    public init(place: Place, match: Match, score: Double, alternative: Place? = nil) {
        self.place = place
        self.match = match
        self.score = score
        self.alternative = alternative
    }

    /// What to tell the user when the match is less than the place's own
    /// name: `'Bagdad' resolved to Baghdad (capital, IQ) by loose match`;
    /// nil for an exact match or a coordinate.
    /// With an `alternative`: `'Natanz' resolved to Natanz Enrichment
    /// Facility (nuclear_facility, IR) by alias; it also names Naţanz (town, IR)`.
    public func notice(for query: String) -> String? {
        guard match.needsNotice || alternative != nil else { return nil }
        let how = switch match {
        case .alias: " by alias"
        case .loose: " by loose match"
        case .code: " by code"
        default: ""
        }
        let also = alternative.map { "; it also names \($0.name) (\(Self.describe($0)))" } ?? ""
        return "'\(query)' resolved to \(place.name) (\(Self.describe(place)))\(how)\(also)"
    }

    private static func describe(_ place: Place) -> String {
        place.country.isEmpty ? place.kind.rawValue : "\(place.kind.rawValue), \(place.country)"
    }
}

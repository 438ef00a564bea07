import ThreatModel

/// The size of one scenario's map, checked before anything is computed:
/// `map` holds every reach decision in memory (the table, CSV and brief are
/// built from them), so a scenario too large is refused up front with its
/// numbers rather than after gigabytes.
public struct ScenarioWorkload: Sendable {
    /// Most site × system × target decisions one map holds. Measured at
    /// about 1.25 KB of peak memory a decision with short names (results,
    /// table, CSV and brief text; 5,000,000 decisions peaked at 6.3 GB):
    /// this keeps a run near 5 GB, inside 8 GB with room for long names.
    public static let maximumDecisions = 4_000_000
    /// Peak memory a decision costs, bytes, for the message.
    static let bytesPerDecision = 1_300

    public let file: String
    public let sites: Int
    public let systems: Int
    public let targets: Int
    public let decisions: Int

    public init(_ scenario: ResolvedScenario) {
        file = scenario.document.file
        sites = scenario.sites.count
        systems = scenario.systems.count
        targets = scenario.targets.count
        decisions = scenario.reachDecisionCount
    }

    /// - Throws: `ReportError.tooLarge` naming the counts, the estimate and the limit.
    public func check() throws(ReportError) {
        guard decisions > Self.maximumDecisions else { return }
        let estimate = Double(decisions) * Double(Self.bytesPerDecision)
        throw .tooLarge("""
            \(file): \(Self.grouped(sites)) launch sites × \(Self.grouped(systems)) system(s) × \
            \(Self.grouped(targets)) targets make \(Self.grouped(decisions)) reach decisions, about \
            \(Self.gigabytes(estimate)) of memory for one map; a map holds at most \
            \(Self.grouped(Self.maximumDecisions)) decisions (about \
            \(Self.gigabytes(Double(Self.maximumDecisions) * Double(Self.bytesPerDecision)))). \
            Nothing was written. Split the targets or sites over several scenarios, \
            or decide them without a map with 'threatmap reach'.
            """)
    }

    /// 1234567 -> "1,234,567".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    private static func gigabytes(_ bytes: Double) -> String {
        let value = bytes / 1e9
        return value >= 10 ? "\(Int(value.rounded())) GB" : "\(Double(Int(value * 10)) / 10) GB"
    }
}

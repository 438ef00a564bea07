import Export
import Foundation
import Gazetteer
import GeoModel
import Report
import ThreatModel
import Testing

/// `ExitStatus(classifying:)`: the documented exit code of each kind of failure.
@Suite struct ExitStatusTests {
    @Test func userInputDataAndFilesMapToTheirCodes() {
        #expect(ExitStatus(classifying: ThreatModelError.unknownMissile("Zolfagar", suggestions: ["Zolfaghar"])) == .dataError)
        #expect(ExitStatus(classifying: ThreatModelError.file("missing.csv: no such file")) == .noInput)
        #expect(ExitStatus(classifying: ExportError.cannotWrite(path: "/x", reason: "read-only")) == .cannotCreate)
        #expect(ExitStatus(classifying: ReportError.sameStem(first: "a.yaml", second: "b.yaml", stem: "x")) == .usage)
        #expect(ExitStatus(classifying: ReportError.tooManyRowsInMemory(rows: 3, limit: 2)) == .usage)
        #expect(ExitStatus(classifying: InputFileError.missing("targets.csv")) == .noInput)
        #expect(ExitStatus(classifying: ScenarioErrors([])) == .dataError)
    }

    @Test func geometryOverBudgetIsTheUsersDataAnyOtherGeometryFailureIsOurs() {
        #expect(ExitStatus(classifying: ThreatModelError.geometry(.tooLarge(operation: "union", vertices: 3, limit: 2))) == .dataError)
        #expect(ExitStatus(classifying: CocoaError(.fileReadUnknown)) == .software)
    }
}

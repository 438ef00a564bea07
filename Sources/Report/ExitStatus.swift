import Export
import Extraction
import Foundation
import Gazetteer
import Geodesy
import Geometry
import GIS
import GeoModel
import ThreatModel

/// The sysexits-style status a failure ends a command with (see the README):
/// the user's input, the user's data, a missing file, an unwritable output,
/// or a fault of ours.
public enum ExitStatus: Int32, Sendable {
    case usage = 64
    case dataError = 65
    case noInput = 66
    /// A library the command needs (GDAL) is not installed.
    case unavailable = 69
    case software = 70
    case cannotCreate = 73

    /// Classifies any error the libraries throw; an unknown error is ours.
    public init(classifying error: any Error) {
        switch error {
        case let error as GazetteerError:
            switch error {
            case .invalidCoordinate: self = .usage
            case .file(.unreadable): self = .noInput
            default: self = .dataError
            }
        case let error as ThreatModelError:
            switch error {
            case .file: self = .noInput
            case let .geometry(geometryError): self.init(classifying: geometryError)
            case let .gis(gisError): self.init(classifying: gisError)
            default: self = .dataError
            }
        case let error as ExportError:
            switch error {
            case .cannotWrite: self = .cannotCreate
            case .projection: self = .dataError
            }
        case let error as BasemapError:
            switch error {
            case .unreadable: self = .noInput
            case .malformed: self = .dataError
            }
        case let error as ArticleInputError:
            switch error {
            case .unreadable: self = .noInput
            case .invalid: self = .dataError
            }
        // Input over a geometry operation's budget is the user's data; any
        // other GEOS failure is ours.
        case let error as GeometryError:
            if case .tooLarge = error { self = .dataError } else { self = .software }
        case let error as ReportError:
            switch error {
            case .tooLarge, .cannotMap: self = .dataError
            case .sameStem, .tooManyRowsInMemory, .tooManyRings: self = .usage
            }
        case let error as GISError:
            switch error {
            case .unavailable: self = .unavailable
            case .cannotOpen: self = .noInput
            case .layersExist, .cannotWrite: self = .cannotCreate
            case .noSuchLayer, .noSuchField, .badFilter, .badFeature, .unknownCRS: self = .dataError
            }
        case let error as PopulationGridError: self = error.unreadable ? .noInput : .dataError
        case is CoordinateError: self = .usage
        case is ScenarioErrors, is GeodesyError: self = .dataError
        case is DataDirectoryError, is InputFileError: self = .noInput
        default: self = .software
        }
    }
}

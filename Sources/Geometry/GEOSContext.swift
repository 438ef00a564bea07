import CGEOS
import GeoModel

/// One GEOS context handle (`GEOS_init_r`), finished in `deinit`.
///
/// Not `Sendable`: make one per operation or per task. GEOS error messages
/// arrive through the message handler (userdata = this object, unretained)
/// and are thrown as `GeometryError.geos` by `failure(_:)`.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last error message GEOS reported in this context.
    fileprivate(set) var lastError: String?

    init() throws(GeometryError) {
        guard let handle = GEOS_init_r() else {
            throw .geos(function: "GEOS_init_r", message: "could not create a GEOS context")
        }
        self.handle = handle
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastError = message.map { String(cString: $0) } ?? "unknown GEOS error"
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The error to throw after `function` signalled an exception.
    func failure(_ function: String) -> GeometryError {
        let message = lastError ?? "no message"
        lastError = nil
        return .geos(function: function, message: message)
    }
}

/// An owned `GEOSGeometry*`, destroyed in `deinit` with the context that made it.
final class GEOSGeometryHandle {
    let context: GEOSContext
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`.
    init(context: GEOSContext, owning pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    /// Gives up ownership (after GEOS took it, e.g. into a collection).
    func release() -> OpaquePointer {
        released = true
        return pointer
    }

    private var released = false

    deinit {
        if !released { GEOSGeom_destroy_r(context.handle, pointer) }
    }
}

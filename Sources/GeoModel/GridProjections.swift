import Foundation

// The two projections behind UTM and UPS on WGS84, in plain Swift so that
// every coordinate parser (GeoModel has no C library) can read grid
// references. A transcription of GeographicLib's `TransverseMercator`
// (Krüger's series to sixth order in n, about 5 nm within a UTM zone) and
// `PolarStereographic`, with its careful angle helpers (`Math.cpp`);
// GeographicLib is by Charles Karney, MIT licence.

/// The WGS84 ellipsoid's constants as the grid projections use them.
enum WGS84Grid {
    /// Equatorial radius (metres).
    static let a = 6_378_137.0
    /// Flattening.
    static let f = 1 / 298.257223563
    static let e2 = f * (2 - f)
    static let es = e2.squareRoot()
    static let e2m = 1 - e2
}

/// Angle arithmetic in degrees that keeps exact values exact (GeographicLib `Math`).
enum GridMath {
    static func sincosd(_ x: Double) -> (sin: Double, cos: Double) {
        var q: Int32 = 0
        let d = remquo(x, 90, &q)
        let r = d * .pi / 180
        var s = sin(r), c = cos(r)
        if 2 * abs(d) == 90 {
            c = (0.5).squareRoot()
            s = copysign(c, r)
        } else if 3 * abs(d) == 90 {
            c = (3.0).squareRoot() / 2
            s = copysign(0.5, r)
        }
        var sinx: Double, cosx: Double
        switch UInt32(bitPattern: q) & 3 {
        case 0: (sinx, cosx) = (s, c)
        case 1: (sinx, cosx) = (c, -s)
        case 2: (sinx, cosx) = (-s, -c)
        default: (sinx, cosx) = (-c, s)
        }
        cosx += 0
        if sinx == 0 { sinx = copysign(sinx, x) }
        return (sinx, cosx)
    }

    static func atan2d(_ y: Double, _ x: Double) -> Double {
        var x = x, y = y, q = 0
        if abs(y) > abs(x) { swap(&x, &y); q = 2 }
        if x.sign == .minus { x = -x; q += 1 }
        var angle = atan2(y, x) / .pi * 180
        switch q {
        case 1: angle = copysign(180, y) - angle
        case 2: angle = 90 - angle
        case 3: angle = -90 + angle
        default: break
        }
        return angle
    }

    static func atand(_ x: Double) -> Double { atan2d(x, 1) }

    static func tand(_ x: Double) -> Double {
        let overflow = 1 / (Double.ulpOfOne * Double.ulpOfOne)
        let (s, c) = sincosd(x)
        return min(max(s / c, -overflow), overflow)
    }

    /// `x` reduced to [-180, 180] degrees, keeping the sign of ±180.
    static func angNormalize(_ x: Double) -> Double {
        let y = remainder(x, 360)
        return abs(y) == 180 ? copysign(180, x) : y
    }

    /// Error-free sum: `u + v = s + t` exactly.
    private static func sum(_ u: Double, _ v: Double) -> (s: Double, t: Double) {
        let s = u + v
        var up = s - v
        var vpp = s - up
        up -= u
        vpp -= v
        return (s, s != 0 ? 0 - (up + vpp) : s)
    }

    /// `y - x` reduced to [-180, 180] degrees, exactly.
    static func angDiff(_ x: Double, _ y: Double) -> Double {
        var (d, e) = sum(remainder(-x, 360), remainder(y, 360))
        (d, e) = sum(remainder(d, 360), e)
        if d == 0 || abs(d) == 180 {
            d = copysign(d, e == 0 ? y - x : -e)
        }
        return d
    }

    static func eatanhe(_ x: Double, _ es: Double) -> Double {
        es > 0 ? es * atanh(es * x) : -es * atan(es * x)
    }

    /// tan of the conformal latitude from tan of the geodetic latitude.
    static func taupf(_ tau: Double, _ es: Double) -> Double {
        guard tau.isFinite else { return tau }
        let tau1 = hypot(1, tau)
        let sig = sinh(eatanhe(tau / tau1, es))
        return hypot(1, sig) * tau - sig * tau1
    }

    /// tan of the geodetic latitude from tan of the conformal latitude (Newton).
    static func tauf(_ taup: Double, _ es: Double) -> Double {
        let tol = Double.ulpOfOne.squareRoot() / 10
        let taumax = 2 / Double.ulpOfOne.squareRoot()
        let e2m = 1 - es * es
        var tau = abs(taup) > 70 ? taup * exp(eatanhe(1, es)) : taup / e2m
        let stol = tol * max(1, abs(taup))
        guard abs(tau) < taumax else { return tau }
        for _ in 0..<5 {
            let taupa = taupf(tau, es)
            let dtau = (taup - taupa) * (1 + e2m * tau * tau)
                / (e2m * hypot(1, tau) * hypot(1, taupa))
            tau += dtau
            if !(abs(dtau) >= stol) { break }
        }
        return tau
    }

    /// Horner evaluation of the polynomial `p[0] x^n + ... + p[n]`.
    static func polyval(_ p: ArraySlice<Double>, _ x: Double) -> Double {
        var y = 0.0
        for coefficient in p { y = y * x + coefficient }
        return y
    }
}

/// A complex number, enough for Clenshaw summation of Krüger's series.
private struct Complex {
    var re: Double, im: Double
    static func + (l: Complex, r: Complex) -> Complex { Complex(re: l.re + r.re, im: l.im + r.im) }
    static func - (l: Complex, r: Complex) -> Complex { Complex(re: l.re - r.re, im: l.im - r.im) }
    static func * (l: Complex, r: Complex) -> Complex {
        Complex(re: l.re * r.re - l.im * r.im, im: l.re * r.im + l.im * r.re)
    }
    static func + (l: Complex, r: Double) -> Complex { Complex(re: l.re + r, im: l.im) }
    static func - (l: Complex, r: Double) -> Complex { Complex(re: l.re - r, im: l.im) }
    var magnitude: Double { hypot(re, im) }
}

/// Transverse Mercator with Krüger's series (sixth order), as UTM uses it.
struct TransverseMercator: Sendable {
    private let a1k0: Double
    private let alp: [Double]
    private let bet: [Double]
    let k0: Double

    /// UTM on WGS84: scale 0.9996 on the central meridian.
    static let utm = TransverseMercator(k0: 0.9996)

    init(k0: Double) {
        self.k0 = k0
        let n = WGS84Grid.f / (2 - WGS84Grid.f)
        let b1coeff: [Double] = [1, 4, 64, 256, 256]
        let alpcoeff: [Double] = [
            31564, -66675, 34440, 47250, -100800, 75600, 151200,
            -1983433, 863232, 748608, -1161216, 524160, 1935360,
            670412, 406647, -533952, 184464, 725760,
            6601661, -7732800, 2230245, 7257600,
            -13675556, 3438171, 7983360,
            212378941, 319334400,
        ]
        let betcoeff: [Double] = [
            384796, -382725, -6720, 932400, -1612800, 1209600, 2419200,
            -1118711, 1695744, -1174656, 258048, 80640, 3870720,
            22276, -16929, -15984, 12852, 362880,
            -830251, -158400, 197865, 7257600,
            -435388, 453717, 15966720,
            20648693, 638668800,
        ]
        let maxpow = 6
        var m = maxpow / 2
        let b1 = GridMath.polyval(b1coeff[0...m], n * n) / (b1coeff[m + 1] * (1 + n))
        a1k0 = b1 * WGS84Grid.a * k0
        var alp = [Double](repeating: 0, count: maxpow + 1)
        var bet = alp
        var o = 0
        var d = n
        for l in 1...maxpow {
            m = maxpow - l
            alp[l] = d * GridMath.polyval(alpcoeff[o...(o + m)], n) / alpcoeff[o + m + 1]
            bet[l] = d * GridMath.polyval(betcoeff[o...(o + m)], n) / betcoeff[o + m + 1]
            o += m + 2
            d *= n
        }
        self.alp = alp
        self.bet = bet
    }

    /// Clenshaw sum of `sum c[j] sin(2 j zeta)`, `zeta = xi + i eta`.
    private func clenshaw(_ c: [Double], sign: Double, xi: Double, eta: Double) -> Complex {
        let c0 = cos(2 * xi), ch0 = cosh(2 * eta)
        let s0 = sin(2 * xi), sh0 = sinh(2 * eta)
        let twoCos = Complex(re: 2 * c0 * ch0, im: -2 * s0 * sh0)
        var n = 6
        var y0 = Complex(re: 0, im: 0), y1 = Complex(re: 0, im: 0)
        while n > 0 {
            y1 = twoCos * y0 - y1 + sign * c[n]
            n -= 1
            y0 = twoCos * y1 - y0 + sign * c[n]
            n -= 1
        }
        let sin2 = Complex(re: s0 * ch0, im: c0 * sh0)
        return Complex(re: xi, im: eta) + sin2 * y0
    }

    /// Geodetic degrees to metres from the central meridian `lon0` and the equator.
    func forward(lon0: Double, latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        var lat = latitude
        var lon = GridMath.angDiff(lon0, longitude)
        var latsign = lat.sign == .minus ? -1.0 : 1.0
        let lonsign = lon.sign == .minus ? -1.0 : 1.0
        lon *= lonsign
        lat *= latsign
        let backside = lon > 90
        if backside {
            if lat == 0 { latsign = -1 }
            lon = 180 - lon
        }
        let (sphi, cphi) = GridMath.sincosd(lat)
        let (slam, clam) = GridMath.sincosd(lon)
        let xip: Double, etap: Double
        if lat != 90 {
            let taup = GridMath.taupf(sphi / cphi, WGS84Grid.es)
            xip = atan2(taup, clam)
            etap = asinh(slam / hypot(taup, clam))
        } else {
            xip = .pi / 2
            etap = 0
        }
        let zeta = clenshaw(alp, sign: 1, xi: xip, eta: etap)
        let y = a1k0 * (backside ? .pi - zeta.re : zeta.re) * latsign
        let x = a1k0 * zeta.im * lonsign
        return (x, y)
    }

    /// Metres from the central meridian `lon0` and the equator to geodetic degrees.
    func reverse(lon0: Double, x: Double, y: Double) -> (latitude: Double, longitude: Double) {
        var xi = y / a1k0
        var eta = x / a1k0
        let xisign = xi.sign == .minus ? -1.0 : 1.0
        let etasign = eta.sign == .minus ? -1.0 : 1.0
        xi *= xisign
        eta *= etasign
        let backside = xi > .pi / 2
        if backside { xi = .pi - xi }
        let zetap = clenshaw(bet, sign: -1, xi: xi, eta: eta)
        let xip = zetap.re, etap = zetap.im
        let s = sinh(etap)
        let c = max(0, cos(xip))
        let r = hypot(s, c)
        var lat: Double, lon: Double
        if r != 0 {
            lon = GridMath.atan2d(s, c)
            lat = GridMath.atand(GridMath.tauf(sin(xip) / r, WGS84Grid.es))
        } else {
            lat = 90
            lon = 0
        }
        lat *= xisign
        if backside { lon = 180 - lon }
        lon *= etasign
        return (lat, GridMath.angNormalize(lon + lon0))
    }
}

/// Polar stereographic, as UPS uses it (scale 0.994 at the pole).
struct PolarStereographic: Sendable {
    let k0: Double
    private let c: Double

    static let ups = PolarStereographic(k0: 0.994)

    init(k0: Double) {
        self.k0 = k0
        c = (1 - WGS84Grid.f) * exp(GridMath.eatanhe(1, WGS84Grid.es))
    }

    /// Geodetic degrees to metres from the pole (`north`: the north pole).
    func forward(north: Bool, latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        let lat = latitude * (north ? 1 : -1)
        let tau = GridMath.tand(lat)
        let taup = GridMath.taupf(tau, WGS84Grid.es)
        var rho = hypot(1, taup) + abs(taup)
        rho = taup >= 0 ? (lat != 90 ? 1 / rho : 0) : rho
        rho *= 2 * k0 * WGS84Grid.a / c
        let (s, co) = GridMath.sincosd(longitude)
        return (s * rho, co * (north ? -rho : rho))
    }

    /// Metres from the pole to geodetic degrees.
    func reverse(north: Bool, x: Double, y: Double) -> (latitude: Double, longitude: Double) {
        let rho = hypot(x, y)
        let t = rho != 0 ? rho / (2 * k0 * WGS84Grid.a / c) : Double.ulpOfOne * Double.ulpOfOne
        let taup = (1 / t - t) / 2
        let tau = GridMath.tauf(taup, WGS84Grid.es)
        let lat = (north ? 1 : -1) * GridMath.atand(tau)
        let lon = GridMath.atan2d(x, north ? -y : y)
        return (lat, lon)
    }
}

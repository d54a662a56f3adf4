import Foundation

/// Atmospheric turbulence: coherence radius, long-term beam spread, Cn² profile.
public enum Turbulence {
    /// Plane-wave coherence radius ρ0 = (1.46·k²·Cn²·L)^(−3/5) of a uniform horizontal path.
    ///
    /// k = 2π/λ. Units: Cn² in m^(−2/3), λ and L in m, result in m. ρ0 is the
    /// coherence radius; the Fried parameter is r0 = (0.423·k²·Cn²·L)^(−3/5)
    /// ≈ 2.1·ρ0. (physics.md first calls (0.423…)^(−3/5) "ρ0", then corrects
    /// it to the 1.46 form used here, which is Andrews & Phillips' ρ0.)
    /// Domain: Cn² ≥ 0, L ≥ 0; no turbulence (Cn²·L = 0) gives `+infinity`.
    /// Source: Andrews, Phillips, Laser Beam Propagation through Random Media,
    /// 2nd ed. (SPIE, 2005), Ch. 6, plane-wave spatial coherence radius.
    public static func coherenceRadius(cn2: Double, wavelength: Double, distance: Double) -> Double {
        let k = 2 * Double.pi / wavelength
        let strength = 1.46 * k * k * cn2 * distance
        guard strength > 0 else { return .infinity }
        return pow(strength, -0.6)
    }

    /// Long-term (turbulence-broadened) beam radius: w_LT² = w² + 2·(λL/(π·ρ0))².
    ///
    /// λL/(πρ0) = 2L/(kρ0) is the turbulent spread of a beam whose coherence
    /// is limited by ρ0; the factor 2 follows physics.md. Units: metres.
    /// Domain: w ≥ 0, ρ0 > 0 (ρ0 = +infinity gives w). Valid in the
    /// far field and for ρ0 smaller than the transmitter aperture.
    /// Source: Fante, Proc. IEEE 63, 1669 (1975), long-term beam spread
    /// (quadratic structure-function approximation); Andrews, Phillips (2005),
    /// Ch. 6 (long-term spot size); physics.md §1.
    public static func longTermRadius(
        beamRadius: Double, wavelength: Double, distance: Double, coherenceRadius: Double
    ) -> Double {
        let spread = wavelength * distance / (Double.pi * coherenceRadius)
        return sqrt(beamRadius * beamRadius + 2 * spread * spread)
    }

    /// Hufnagel–Valley 5/7 profile Cn²(h) = 0.00594·(v/27)²·(1e-5·h)^10·e^(−h/1000) + 2.7e-16·e^(−h/1500) + A·e^(−h/100).
    ///
    /// HV 5/7: v = 21 m/s rms high-altitude wind, A = 1.7e-14 m^(−2/3); it
    /// gives r0 ≈ 5 cm at 0.5 µm and an isoplanatic angle ≈ 7 µrad at zenith,
    /// and ∫Cn² dh ≈ 2.2e-12 m^(1/3). Units: h in metres above ground, result
    /// in m^(−2/3). Domain: h ≥ 0 (negative h is treated as 0).
    /// Source: Valley, Appl. Opt. 19, 574 (1980); Andrews, Phillips (2005),
    /// Ch. 12 (HV model).
    public static func hufnagelValley57(altitude: Double) -> Double {
        let h = max(0, altitude)
        let wind = 21.0 / 27.0
        let scaled = 1e-5 * h
        let scaled10 = pow(scaled, 10)
        return 0.00594 * wind * wind * scaled10 * exp(-h / 1000)
            + 2.7e-16 * exp(-h / 1500)
            + 1.7e-14 * exp(-h / 100)
    }

    /// Coherence radius of an uplink through HV 5/7: ρ0 = [1.46·k²·sec z·∫0^H Cn²(h)·(1 − h/H)^(5/3) dh]^(−3/5).
    ///
    /// Ground transmitter, satellite at altitude H, zenith angle z (flat-Earth
    /// sec z path stretch, good below z ≈ 70°). The (1 − h/H)^(5/3) weight is
    /// the spherical-wave path weighting for a source at the ground; the
    /// integral stops at min(H, 40 km), above which HV 5/7 contributes
    /// < 1e-9 of the total. Integrated by composite Simpson on three
    /// segments (0–0.5 km, 0.5–5 km, 5–40 km) with 200, 200 and 400 panels,
    /// relative error < 1e-6. Units: λ, H in m; z in rad; result in m.
    /// Domain: 0 ≤ z < π/2, H > 0; outside it returns 0 (no usable coherence).
    /// Source: Andrews, Phillips (2005), Ch. 12, uplink spatial coherence
    /// radius with the Hufnagel–Valley profile; physics.md §1.
    public static func uplinkCoherenceRadius(wavelength: Double, zenithAngle: Double, satelliteAltitude: Double) -> Double {
        guard satelliteAltitude > 0, zenithAngle < Double.pi / 2 else { return 0 }
        let top = min(satelliteAltitude, 40_000)
        let weighted: (Double) -> Double = { h in
            hufnagelValley57(altitude: h) * pow(1 - h / satelliteAltitude, 5.0 / 3.0)
        }
        func segment(_ lower: Double, _ upper: Double, panels: Int) -> Double {
            guard lower < top else { return 0 }
            return Quadrature.simpson(lower: lower, upper: min(top, upper), intervals: panels, weighted)
        }
        let integral = segment(0, 500, panels: 200) + segment(500, 5_000, panels: 200)
            + segment(5_000, 40_000, panels: 400)
        let k = 2 * Double.pi / wavelength
        return pow(1.46 * k * k * integral / cos(zenithAngle), -0.6)
    }
}

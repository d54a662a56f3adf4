import Foundation
import Testing

@testable import QNetPhysics

@Suite("Channels: decibels, fibre, free space, atmosphere, satellite, turbulence")
struct ChannelTests {
    @Test("Decibel conversions round-trip and are safe at zero transmittance")
    func decibels() {
        #expect(Decibel.loss(transmittance: 0) == .infinity)
        #expect(Decibel.transmittance(loss: .infinity) == 0)
        #expect(abs(Decibel.loss(transmittance: 0.1) - 10) < 1e-12)
        for dB in [0.0, 3.0, 42.0, 210.0] {
            #expect(abs(Decibel.loss(transmittance: Decibel.transmittance(loss: dB)) - dB) < 1e-9)
        }
    }

    @Test("Fibre loss: 100 km of 0.2 dB/km is 20 dB")
    func fiberLoss() {
        #expect(abs(Fiber.lossDB(length: 100_000, attenuationDBPerKm: 0.2) - 20) < 1e-12)
    }

    @Test("Gaussian beam: radius sqrt(2) w0 at the Rayleigh range; aperture of one beam radius collects 1 - e^-2")
    func gaussianBeam() {
        let w0 = 0.05
        let lambda = 1550e-9
        let zR = GaussianBeam.rayleighRange(waist: w0, wavelength: lambda)
        #expect(abs(zR - Double.pi * w0 * w0 / lambda) < 1e-6)
        #expect(abs(GaussianBeam.radius(waist: w0, wavelength: lambda, distance: zR) - w0 * 2.0.squareRoot()) < 1e-12)
        // Siegman, Lasers (1986), Ch. 17: an aperture of radius w passes 86.5 % (1 - e^-2).
        #expect(abs(GaussianBeam.apertureCollection(apertureRadius: 1, beamRadius: 1) - 0.864665) < 1e-6)
        #expect(GaussianBeam.pointingTransmittance(jitter: 0, distance: 1e6, beamRadius: 10) == 1)
    }

    @Test("Kasten-Young airmass: about 5.6 at 10 degrees, 1/sin(e) within 0.3 % above 30 degrees")
    func airmass() {
        // Kasten, Young, Appl. Opt. 28, 4735 (1989): relative airmass 5.6 at zenith angle 80 deg;
        // physics.md: the plane-parallel 1/sin(e) is too pessimistic at 10 deg (5.76).
        let at10 = Atmosphere.airmass(elevation: 10 * .pi / 180)
        #expect(abs(at10 - 5.6) < 0.05, "Kasten-Young airmass at 10 deg = \(at10)")
        #expect(1 / sin(10 * Double.pi / 180) - at10 > 0.1)
        for degrees in stride(from: 30.0, through: 90.0, by: 5.0) {
            let e = degrees * .pi / 180
            let planar = 1 / sin(e)
            #expect(abs(Atmosphere.airmass(elevation: e) - planar) / planar < 0.003, "airmass at \(degrees) deg")
        }
        #expect(abs(Atmosphere.airmass(elevation: .pi / 2) - 1) < 1e-3)
        #expect(Atmosphere.slantTransmittance(zenithTransmittance: 0.8, elevation: -0.1) == 0)
        let slant = Atmosphere.slantTransmittance(zenithTransmittance: 0.8, elevation: .pi / 6)
        #expect(abs(slant - pow(0.8, Atmosphere.airmass(elevation: .pi / 6))) < 1e-15)
    }

    @Test("Satellite geometry: elevation inverts slant range")
    func satelliteRoundTrip() {
        for degrees in [0.5, 10, 25, 45, 70, 89.9] {
            let e = degrees * .pi / 180
            let d = SatelliteGeometry.slantRange(altitude: 500_000, elevation: e)
            #expect(abs(SatelliteGeometry.elevation(altitude: 500_000, slantRange: d) - e) < 1e-9)
        }
    }

    @Test("HV 5/7: integral of Cn2 is 2.2e-12 m^(1/3) (physics.md) and matches its closed form")
    func hufnagelValleyIntegral() {
        // Closed form of the three terms: A*100 + 2.7e-16*1500 + 0.00594 (21/27)^2 1e-50 10! 1000^11.
        let wind: Double = pow(21.0 / 27.0, 2)
        let groundLayer: Double = 1.7e-14 * 100
        let middleLayer: Double = 2.7e-16 * 1500
        let tropopause: Double = 0.00594 * wind * 1e-50 * 3_628_800 * 1e33
        let closedForm = groundLayer + middleLayer + tropopause
        let cn2: (Double) -> Double = { Turbulence.hufnagelValley57(altitude: $0) }
        let low = Quadrature.simpson(lower: 0, upper: 500, intervals: 200, cn2)
        let middle = Quadrature.simpson(lower: 500, upper: 5_000, intervals: 200, cn2)
        let high = Quadrature.simpson(lower: 5_000, upper: 40_000, intervals: 400, cn2)
        let numeric = low + middle + high
        #expect(abs(numeric - closedForm) / closedForm < 1e-6)
        #expect(abs(numeric - 2.2e-12) < 0.05e-12, "HV 5/7 integral \(numeric)")
    }

    @Test("HV 5/7 gives a Fried parameter of about 5 cm at 0.5 um, zenith")
    func hufnagelValleyFriedParameter() {
        // Valley, Appl. Opt. 19, 574 (1980): HV 5/7 is named for r0 = 5 cm and theta0 = 7 urad at 0.5 um.
        // r0 = (0.423/1.46)^(-3/5) rho0; a very high satellite makes the path weighting ~1.
        let rho0 = Turbulence.uplinkCoherenceRadius(wavelength: 500e-9, zenithAngle: 0, satelliteAltitude: 1e9)
        let r0 = pow(1.46 / 0.423, 0.6) * rho0
        #expect(abs(r0 - 0.05) / 0.05 < 0.02, "HV 5/7 r0 = \(r0) m")
        // The ground transmitter's weighting and the sec z stretch both shrink rho0.
        let leo = Turbulence.uplinkCoherenceRadius(wavelength: 500e-9, zenithAngle: 0, satelliteAltitude: 500_000)
        let slant = Turbulence.uplinkCoherenceRadius(wavelength: 500e-9, zenithAngle: .pi / 3, satelliteAltitude: 500_000)
        #expect(leo > rho0)
        #expect(abs(slant / leo - pow(2, -0.6)) < 1e-12)
    }

    @Test("Horizontal coherence radius is the Fried parameter over 2.1; long-term spread adds in quadrature")
    func horizontalTurbulence() {
        let lambda = 1550e-9
        let k = 2 * Double.pi / lambda
        let rho0 = Turbulence.coherenceRadius(cn2: 1e-15, wavelength: lambda, distance: 10_000)
        let fried = pow(0.423 * k * k * 1e-15 * 10_000, -0.6)
        #expect(abs(fried / rho0 - 2.1) < 0.01)
        #expect(Turbulence.coherenceRadius(cn2: 0, wavelength: lambda, distance: 10_000) == .infinity)
        #expect(Turbulence.longTermRadius(beamRadius: 0.1, wavelength: lambda, distance: 1e4, coherenceRadius: .infinity) == 0.1)
        let spread = lambda * 10_000 / (Double.pi * rho0)
        let wlt = Turbulence.longTermRadius(beamRadius: 0.1, wavelength: lambda, distance: 10_000, coherenceRadius: rho0)
        #expect(abs(wlt * wlt - (0.01 + 2 * spread * spread)) < 1e-15)
    }
}

import QNetModel
import QNetPhysics

/// Integrates a satellite link's key over its pass: at each time step the
/// link's full loss budget at that elevation (slant range, airmass-scaled
/// atmosphere, diffraction, turbulence, pointing, extra losses) and the
/// decoy-BB84 key of `DecoyKeyBuilder` (detector, dark counts, background);
/// the geometry is `SatellitePassGeometry`.
enum SatellitePassPlanner {
    /// Simpson panels over the half pass from culmination to the lowest usable elevation.
    static let halfPassIntervals = 32
    /// Every how many of the `halfPassIntervals` samples the profile keeps one (9 rows from culmination to the end).
    static let profileStride = 4
    /// Seconds in a day: a pass segment enters the key graph at its key per day over this.
    static let secondsPerDay = 86_400.0

    /// A pass's key per day, its average over the pass and its average over the day, from its key per pass
    /// (asymptotic or finite): the key graph takes the daily average (physics.md 4).
    static func averages(keyPerPass: Double, passesPerDay: Double, duration: Double)
        -> (perDay: Double, passAverage: Double, dailyAverage: Double) {
        let perDay = Sanitise.rate(keyPerPass * passesPerDay)
        return (perDay, duration > 0 ? Sanitise.rate(keyPerPass / duration) : 0, perDay / secondsPerDay)
    }

    /// The pass plan of `link`, nil when the link has no `pass:`; `timing` is the receiver's budget.
    static func plan(_ link: ResolvedLink, timing: TimingBudget, memo: ThresholdMemo, strings: AssumptionMemo,
                     intervals: Int = halfPassIntervals) -> (SatellitePassPlan, [Diagnostic])? {
        guard link.medium == .satellite, let pass = link.inputs.link.pass else { return nil }
        let path = "\(link.path).pass"
        let altitude = LossBudgetBuilder.satelliteAltitude(link).0
        let highest = Sourced.quantity([(pass.maxElevation, "\(path).max_elevation")], else: PlanningDefaults.passMaxElevation)
        let lowest = Sourced.quantity([(pass.minElevation, "\(path).min_elevation")], else: PlanningDefaults.passMinElevation)
        let perDay = Sourced.quantity([(pass.passesPerDay, "\(path).passes_per_day")], else: PlanningDefaults.passesPerDay)
        let geometry = SatellitePassGeometry(altitude: altitude.value, maxElevation: highest.value, minElevation: lowest.value)
        let assumptions = passAssumptions(geometry, altitude: altitude, highest: highest, lowest: lowest, perDay: perDay,
                                          intervals: intervals)
        func plan(_ samples: [PassSample], keyPerPass: Double, reason: String?,
                  finite: (PassFiniteKeyPlan, [Assumption])? = nil) -> SatellitePassPlan {
            let key = averages(keyPerPass: keyPerPass, passesPerDay: perDay.value, duration: geometry.duration)
            let reason = reason ?? (key.perDay > 0 ? nil : "no usable passes a day (\(perDay.basis) = \(Format.number(perDay.value)))")
            return SatellitePassPlan(
                altitude: geometry.altitude, maxElevation: geometry.maxElevation, minElevation: geometry.minElevation,
                durationSeconds: Sanitise.finite(geometry.duration), passesPerDay: Sanitise.rate(perDay.value),
                keyPerPassBits: keyPerPass, keyPerDayBits: key.perDay, passAverageBps: key.passAverage,
                dailyAverageBps: key.dailyAverage, profile: samples, noKeyReason: reason,
                assumptions: assumptions + (finite?.1 ?? []), finiteKey: finite?.0)
        }

        guard link.protocolKind.value == .bb84Decoy else {
            let reason = "pass integration covers bb84-decoy links; \(link.protocolKind.value.rawValue) has no key per pass yet"
            return (plan([], keyPerPass: 0, reason: reason), [Diagnostic(.note, reason, keyPath: path)])
        }
        let noPasses = perDay.value == 0
            ? [Diagnostic(.warning, "passes_per_day is 0: no pass, so no key per day and none in the key graph (give the "
                + "usable passes a day, e.g. 4)", keyPath: "\(path).passes_per_day")]
            : []
        guard geometry.duration > 0 else {
            let highestText = degrees(geometry.maxElevation), lowestText = degrees(geometry.minElevation)
            let reason = highest.value == lowest.value
                ? "the pass's highest elevation (\(highestText)) reaches only its lowest usable elevation: no time above it"
                : "the pass's highest elevation (\(highestText)) is below its lowest usable elevation (\(lowestText))"
            return (plan([], keyPerPass: 0, reason: reason), [Diagnostic(.warning, reason, keyPath: "\(path).max_elevation")] + noPasses)
        }

        // One terminal tracks one satellite at a time: the passes of a day cannot add up to more than the day.
        let tracked = perDay.value * geometry.duration
        guard tracked <= secondsPerDay else {
            let reason = "\(Format.number(perDay.value)) passes a day of \(Format.number(geometry.duration, digits: 3)) s each "
                + "take \(Format.number(tracked / 3600, digits: 3)) h, more than a day: at most "
                + "\(Format.number((secondsPerDay / geometry.duration).rounded(.down))) such passes fit in one"
            return (plan([], keyPerPass: 0, reason: reason), [Diagnostic(.error, reason, keyPath: "\(path).passes_per_day")])
        }

        let samples = geometry.halfPassTimes(intervals: intervals).map { time in
            sample(link, geometry: geometry, time: time, timing: timing, memo: memo, strings: strings)
        }
        let keyPerPass = Sanitise.rate(geometry.integrate(halfPassSamples: samples.map(\.keyRateBps)))
        let finite = PassFiniteKeyBuilder.build(link, geometry: geometry, samples: samples, timing: timing,
                                                passesPerDay: perDay.value)
        let stride = max(1, (samples.count - 1) / (halfPassIntervals / profileStride))
        let profile = samples.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
        let reason = keyPerPass > 0 ? nil
            : "no key at any elevation of the pass (from \(Format.dB(samples[0].lossDB)) at culmination); see the link's budget"
        return (plan(profile, keyPerPass: keyPerPass, reason: reason, finite: finite), noPasses)
    }

    /// The link `time` seconds from culmination: its loss budget at that elevation and its key.
    private static func sample(_ link: ResolvedLink, geometry: SatellitePassGeometry, time: Double, timing: TimingBudget,
                               memo: ThresholdMemo, strings: AssumptionMemo) -> PassSample {
        let elevation = geometry.elevation(at: time)
        let loss = LossBudgetBuilder.build(link, elevation: Sourced(elevation, "pass geometry at t = \(Format.number(time)) s"))
        let lossDB = loss.lines.reduce(0) { $0 + $1.db }
        let channel = Sanitise.fraction(Decibel.transmittance(loss: lossDB))
        let key = DecoyKeyBuilder.build(link, channel: channel, channelLossDB: lossDB, timing: timing, memo: memo,
                                        strings: strings)
        return PassSample(timeSeconds: time, elevation: elevation, slantRange: Sanitise.finite(loss.pathLength),
                          lossDB: Sanitise.finite(lossDB), qber: key.qber?.total,
                          keyRateBps: Sanitise.rate(key.keyPerPulse * link.source.repetitionRate.value))
    }

    /// The geometry, limits and integration the pass's key rests on.
    private static func passAssumptions(_ geometry: SatellitePassGeometry, altitude: Sourced<Double>, highest: Sourced<Double>,
                                        lowest: Sourced<Double>, perDay: Sourced<Double>, intervals: Int) -> [Assumption] {
        let period = 2 * Double.pi / geometry.angularSpeed
        return [
            Assumption(name: "orbit", value: "circular at \(Format.km(geometry.altitude)), period \(Format.number(period / 60)) min",
                       basis: "\(altitude.basis); Kepler, GM = 3.986e14 m^3/s^2 (IERS 2010)"),
            Assumption(name: "pass geometry",
                       value: "highest elevation \(degrees(geometry.maxElevation)), ground track \(Format.km(geometry.trackOffset * SatelliteGeometry.earthRadius)) from the station",
                       basis: "\(highest.basis); spherical Earth R = 6371 km, Earth's rotation neglected"),
            Assumption(name: "usable pass", value: "above \(degrees(geometry.minElevation)) for \(Format.number(geometry.duration)) s",
                       basis: lowest.basis),
            Assumption(name: "passes a day", value: Format.number(perDay.value), basis: perDay.basis),
            Assumption(name: "pass integration",
                       value: "full link budget and asymptotic decoy BB84 key (the key per pass; finite_key adds a finite key per pass) at \(intervals + 1) times from culmination to the end, Simpson rule, doubled (symmetric pass)",
                       basis: "link budget at each elevation: slant range, Kasten-Young airmass, diffraction, turbulence, pointing; a daily average of key per day / 86400 s enters the key graph (docs/format-choices.md, Satellite passes)"),
        ]
    }

    /// An angle in degrees as the assumptions and reasons print it (`49.02 deg`).
    private static func degrees(_ radians: Double) -> String { "\(Format.number(radians * 180 / .pi)) deg" }
}

import Foundation
import QNetPhysics

/// The parameters that decide a decoy-BB84 receiver's threshold transmittance.
///
/// Y0 and e_d are rounded to 4 significant digits so that links sharing
/// equipment (whose Y0 and e_d differ only in the last digits, through
/// dispersion) share one threshold.
struct ThresholdKey: Hashable, Sendable {
    var darkYield: Double
    var misalignment: Double
    var ecEfficiency: Double
    var siftingFactor: Double
    var decoy: DecoyMethod
    /// The fixed signal intensity, or nil when it is optimised.
    var signalIntensity: Double?

    init(darkYield: Double, misalignment: Double, ecEfficiency: Double, siftingFactor: Double, decoy: DecoyMethod,
         signalIntensity: Double?) {
        self.darkYield = Self.round(darkYield)
        self.misalignment = Self.round(misalignment)
        self.ecEfficiency = ecEfficiency
        self.siftingFactor = siftingFactor
        self.decoy = decoy
        self.signalIntensity = signalIntensity
    }

    /// `value` rounded to 4 significant digits.
    static func round(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value.isFinite ? 0 : value }
        let scale = pow(10, 3 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }
}

/// Memoised `DecoyBB84.thresholdTransmittance`, safe to share between threads.
///
/// A network with shared equipment computes each threshold once; a planning
/// session keeps its memo across re-plans.
final class ThresholdMemo: Sendable {
    private let values = SharedMemo<ThresholdKey, Double?>()
    /// The thresholds of finite-key links (`FiniteKeyDecoyBB84.thresholdTransmittance`).
    let finiteKey = SharedMemo<FiniteKeyThresholdKey, Double?>()

    /// The lowest system transmittance that gives a key, or nil when none does.
    func threshold(_ key: ThresholdKey) -> Double? {
        values.value(key) { key in
            let parameters = DecoyBB84Parameters(transmittance: 1, darkYield: key.darkYield, misalignment: key.misalignment,
                                                 ecEfficiency: key.ecEfficiency, siftingFactor: key.siftingFactor,
                                                 decoy: key.decoy)
            return DecoyBB84.thresholdTransmittance(parameters, signalIntensity: key.signalIntensity)
        }
    }

    /// How many asymptotic thresholds are stored.
    var count: Int { values.count }
}

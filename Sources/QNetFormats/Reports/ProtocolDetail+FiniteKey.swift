import Foundation
import QNetPlanner

extension ProtocolDetail {
    /// `finite key, n_X 1.000e+08 per block, ε_sec 1.000e-10, …` (Lim, Curty, Walenta, Xu, Zbinden 2014).
    static func finiteKey(_ finite: FiniteKeyPlan) -> String {
        [
            "finite key (Lim et al. 2014): block n_X = \(EngineeringFormat.number(finite.blockSize)) key-basis detections",
            "ε_sec \(EngineeringFormat.number(finite.epsilonSec)), ε_cor \(EngineeringFormat.number(finite.epsilonCor))",
            "μ " + finite.intensities.map(EngineeringFormat.number).joined(separator: " / ")
                + " sent with p " + finite.probabilities.map(EngineeringFormat.number).joined(separator: " / "),
            "q_X \(EngineeringFormat.number(finite.basisBias))",
            "\(EngineeringFormat.bits(finite.keyBitsPerBlock)) per block of \(EngineeringFormat.number(finite.pulsesPerBlock)) pulses",
            "block collected in \(blockTime(finite.blockTimeSeconds))",
            "phase error ≤ \(EngineeringFormat.percent(finite.phaseErrorRate))",
        ].joined(separator: "; ")
    }

    /// A collection time: `EngineeringFormat.time` below a minute, then minutes, hours or days to 3 digits.
    private static func blockTime(_ seconds: Double) -> String {
        let units: [(Double, String)] = [(86_400, "days"), (3600, "h"), (60, "min")]
        guard let (scale, unit) = units.first(where: { seconds >= $0.0 }) else { return EngineeringFormat.time(seconds) }
        return String(format: "%.3g", seconds / scale) + " \(unit)"
    }
}

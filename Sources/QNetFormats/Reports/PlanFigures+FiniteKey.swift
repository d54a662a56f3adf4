import Foundation
import QNetPlanner

extension PlanFigures {
    /// A finite-key decoy BB84 link's block (Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014)).
    public static func finiteKey(_ finite: FiniteKeyPlan) -> [PlanFigure] {
        [
            PlanFigure("block n_X", EngineeringFormat.number(finite.blockSize) + " key-basis detections"),
            PlanFigure("ε_sec", EngineeringFormat.number(finite.epsilonSec)),
            PlanFigure("ε_cor", EngineeringFormat.number(finite.epsilonCor)),
            PlanFigure("tail bound", finite.tailBound.rawValue),
            PlanFigure("μ", finite.intensities.map(EngineeringFormat.number).joined(separator: " / ")),
            PlanFigure("sent with p", finite.probabilities.map(EngineeringFormat.number).joined(separator: " / ")),
            PlanFigure("q_X", EngineeringFormat.number(finite.basisBias)),
            PlanFigure("key per block", EngineeringFormat.bits(finite.keyBitsPerBlock)),
            PlanFigure("pulses per block", EngineeringFormat.number(finite.pulsesPerBlock)),
            PlanFigure("block collected in", blockTime(finite.blockTimeSeconds)),
            PlanFigure("phase error ≤", EngineeringFormat.percent(finite.phaseErrorRate)),
        ]
    }

    /// A collection time: `EngineeringFormat.time` below a minute, then minutes, hours or days to 3 digits.
    private static func blockTime(_ seconds: Double) -> String {
        let units: [(Double, String)] = [(86_400, "days"), (3600, "h"), (60, "min")]
        guard let (scale, unit) = units.first(where: { seconds >= $0.0 }) else { return EngineeringFormat.time(seconds) }
        return String(format: "%.3g", seconds / scale) + " \(unit)"
    }

    /// Which pulses a link's QBER counts, where that differs from the signal's: a finite key counts the errors of the
    /// key basis's detections at every intensity, decoys and vacuum included (Lim et al., PRA 89, 022307 (2014)), so its
    /// QBER is above the signal's that an asymptotic link shows (QA: 2.99 % against 2.46 % for one link, unexplained).
    /// Nil for an asymptotic link.
    public static func qberScope(_ link: LinkPlan) -> String? {
        link.finiteKey == nil ? nil : "every intensity"
    }
}

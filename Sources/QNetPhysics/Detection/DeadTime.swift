import Foundation

/// How a detector behaves after a click (Feller's two counter types).
public enum DeadTimeModel: String, Sendable, Hashable, CaseIterable {
    /// Blind for a fixed time after each registered click (SNSPDs, gated APDs with hold-off).
    case nonParalysable = "non-paralysable"
    /// Every arrival, registered or not, restarts the dead time.
    case paralysable
}

/// Count-rate saturation by detector dead time.
public enum DeadTime {
    /// Registered click rate: r/(1 + r·τ_d) non-paralysable, r·e^(−r·τ_d) paralysable.
    ///
    /// Units: true rate r in hertz, dead time τ_d in seconds, result in hertz.
    /// Domain: r ≥ 0, τ_d ≥ 0.
    /// Source: Knoll, Radiation Detection and Measurement, 4th ed. (2010),
    /// Ch. 4, Sec. VII (dead-time models; Feller 1948 counter types).
    public static func observedRate(trueRate: Double, deadTime: Double, model: DeadTimeModel) -> Double {
        trueRate * efficiencyFactor(trueRate: trueRate, deadTime: deadTime, model: model)
    }

    /// Fraction of true events registered: 1/(1 + r·τ_d) non-paralysable, e^(−r·τ_d) paralysable.
    ///
    /// Equals observed/true rate, and 1 at r = 0. Units: r in hertz, τ_d in
    /// seconds. Domain: r ≥ 0, τ_d ≥ 0.
    /// Source: Knoll, Radiation Detection and Measurement, 4th ed. (2010),
    /// Ch. 4, Sec. VII (dead-time models).
    public static func efficiencyFactor(trueRate: Double, deadTime: Double, model: DeadTimeModel) -> Double {
        let load = trueRate * deadTime
        switch model {
        case .nonParalysable: return 1 / (1 + load)
        case .paralysable: return exp(-load)
        }
    }
}

import QNetModel

/// Built-in defaults of a finite-key decoy BB84 link (`finite_key:`), each with its reference.
extension PlanningDefaults {
    // MARK: Finite key

    /// Post-processing block size n_X, key-basis detections per block.
    public static let finiteKeyBlockSize = BuiltInDefault(
        1e7, "n_X = 10^7; Lim et al., PRA 89, 022307 (2014), Sec. IV: at 100 km a 10^9 block gives only ~1.75x its key")
    /// Secrecy parameter ε_sec.
    public static let epsilonSec = BuiltInDefault(
        1e-10, "eps_sec = 1e-10; Lim et al., PRA 89, 022307 (2014), Sec. IV allow 1e-15 per key bit, 1e-10 for a 10^5-bit key")
    /// Correctness parameter ε_cor.
    public static let epsilonCor = BuiltInDefault(1e-15, "eps_cor = 1e-15, Lim et al., PRA 89, 022307 (2014), Sec. IV")
    /// Tail bound of the decoy estimates.
    public static let finiteKeyTailBound = BuiltInDefault(
        TailBoundKind.hoeffding, "Hoeffding's inequality on each basis total, Lim et al., PRA 89, 022307 (2014), Eqs. (2)-(4)")
    /// Third intensity μ3 of the finite-key protocol.
    public static let secondDecoyIntensity = BuiltInDefault(
        Tunable.fixed(2e-4), "mu3 = 2e-4, a modulator's residual vacuum, Lim et al., PRA 89, 022307 (2014), Sec. IV")
    /// Weak decoy μ2 of the finite-key protocol: optimised with the other settings.
    public static let finiteKeyDecoyIntensity = BuiltInDefault(
        Tunable.auto, "optimised by the planner, as Lim et al., PRA 89, 022307 (2014), Sec. IV do")
    /// Probability q_X of the key basis: optimised with the other settings.
    public static let basisBias = BuiltInDefault(
        Tunable.auto, "optimised by the planner, as Lim et al., PRA 89, 022307 (2014), Sec. IV do")
}

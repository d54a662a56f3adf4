import QNetModel

extension PlanningDefaults {
    // MARK: BBM92 and MDI-QKD

    /// SPDC mean pair number per pulse: optimised when the source gives none.
    public static let meanPairNumber = BuiltInDefault(
        Tunable.auto, "optimised by the planner; lambda = half the mean pair number, Ma, Fung, Lo 2007")
    /// Detectors among which an MDI relay's dark and background counts are shared.
    public static let mdiRelayDetectors = BuiltInDefault(
        4, "polarisation Bell-state measurement with four detectors, Lo, Curty, Qi 2012, Fig. 1")
    /// Decoy analysis of MDI-QKD.
    public static let mdiDecoy = BuiltInDefault(
        "infinite", "infinitely many decoys: Y11 and e11 known exactly, Lo, Curty, Qi 2012")
    /// Largest extra loss a two-arm segment's margin search tries, dB.
    public static let marginSearchLossDB = BuiltInDefault(400.0, "search bound, as for decoy BB84 (transmittance 1e-40)")
}

import QNetPhysics

/// The inputs that decide a finite-key receiver's threshold: the parameters at η = 1 (the threshold search
/// replaces it) with Y0 and e_mis rounded like `ThresholdKey`, so that links sharing equipment share one search.
struct FiniteKeyThresholdKey: Hashable, Sendable {
    let parameters: FiniteKeyDecoyBB84Parameters
    let choices: FiniteKeyDecoyChoices

    init(_ p: FiniteKeyDecoyBB84Parameters, choices: FiniteKeyDecoyChoices) {
        var rounded = p
        rounded.transmittance = 1
        rounded.darkYield = ThresholdKey.round(p.darkYield)
        rounded.misalignment = ThresholdKey.round(p.misalignment)
        parameters = rounded
        self.choices = choices
    }
}

import QNetModel
import QNetPhysics

/// A link's `finite_key:` record and the source's finite-key settings after defaults, each with its basis.
struct ResolvedFiniteKey {
    let blockSize: Sourced<Double>
    let epsilonSec: Sourced<Double>
    let epsilonCor: Sourced<Double>
    let tailBound: Sourced<TailBoundKind>
    let decoyIntensity: Sourced<Tunable>
    let secondDecoyIntensity: Sourced<Tunable>
    let basisBias: Sourced<Tunable>

    init(_ link: ResolvedLink, _ settings: FiniteKeySettings) {
        let path = "\(link.path).finite_key"
        blockSize = Sourced.quantity([(settings.blockSize, "\(path).block_size")], else: PlanningDefaults.finiteKeyBlockSize)
        epsilonSec = Sourced.quantity([(settings.epsilonSec, "\(path).epsilon_sec")], else: PlanningDefaults.epsilonSec)
        epsilonCor = Sourced.quantity([(settings.epsilonCor, "\(path).epsilon_cor")], else: PlanningDefaults.epsilonCor)
        tailBound = Sourced.first([(settings.tailBound, "\(path).tail_bound")], else: PlanningDefaults.finiteKeyTailBound)
        let record = link.inputs.source
        let source = link.source
        decoyIntensity = Sourced.first([(record?.decoyIntensity, source.path("decoy_intensity"))],
                                       else: PlanningDefaults.finiteKeyDecoyIntensity)
        secondDecoyIntensity = Sourced.first([(record?.secondDecoyIntensity, source.path("second_decoy_intensity"))],
                                             else: PlanningDefaults.secondDecoyIntensity)
        basisBias = Sourced.first([(record?.basisBias, source.path("basis_bias"))], else: PlanningDefaults.basisBias)
    }

    /// The physics' tail bound for the file's choice (Lim et al. 2014; Yin et al. 2020).
    var bound: FiniteKeyTailBound {
        switch tailBound.value {
        case .hoeffding: .hoeffding
        case .chernoff: .chernoff
        }
    }

    /// What the optimiser may choose: `auto` settings are free; an `auto` μ3 is vacuum, its optimum.
    func choices(signal: Tunable) -> FiniteKeyDecoyChoices {
        FiniteKeyDecoyChoices(signalIntensity: signal.fixedValue, decoyIntensity: decoyIntensity.value.fixedValue,
                              secondDecoyIntensity: secondDecoyIntensity.value.fixedValue ?? 0,
                              basisBias: basisBias.value.fixedValue)
    }
}

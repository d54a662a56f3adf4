import QNetModel
import QNetPhysics

/// The assumptions a finite-key link's key rests on, each with its basis.
extension FiniteKeyBuilder {
    /// The protocol, block and security settings the key rests on.
    static func protocolAssumptions(_ link: ResolvedLink, _ settings: ResolvedFiniteKey) -> [Assumption] {
        [
            Assumption(name: "protocol", value: "bb84-decoy, finite key: three intensities, biased bases",
                       basis: "\(link.protocolKind.basis); Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014)"),
            Assumption(name: "block size", value: "n_X = \(Format.number(settings.blockSize.value)) key-basis detections",
                       basis: settings.blockSize.basis),
            Assumption(name: "security", value: "eps_sec = \(Format.number(settings.epsilonSec.value)), "
                + "eps_cor = \(Format.number(settings.epsilonCor.value))",
                       basis: "\(settings.epsilonSec.basis); \(settings.epsilonCor.basis)"),
            tailBound(settings, name: "tail bound"),
            Assumption(name: "misalignment", value: Format.percent(link.misalignment.value), basis: link.misalignment.basis),
            Assumption(name: "error correction", value: "f = \(Format.number(link.ecEfficiency.value)), "
                + "lambda_EC = f n_X h(E_X)", basis: link.ecEfficiency.basis),
            Assumption(name: "sifting", value: "replaced by the basis bias q_X (key from X-basis detections only)",
                       basis: "Lim et al. 2014; \(link.sifting.basis) is not used by the finite key"),
            Assumption(name: "afterpulsing", value: "each intensity's detections x (1 + p_ap), half of them errors",
                       basis: "Lim et al. 2014, Sec. IV: R_k = D_k (1 + p_ap)"),
            Assumption(name: "timing error", value: "e_mis = misalignment + 1/2 inter-symbol fraction",
                       basis: "a click in the wrong slot carries a random bit"),
        ] + (link.inputs.link.pass == nil ? [] : [
            Assumption(name: "satellite pass", value: "finite_key sets the link's key at its single geometry and the "
                + "pass's finite key (one block of the whole pass); the pass's key per pass stays asymptotic beside it",
                       basis: "\(link.path).pass"),
        ])
    }

    /// The tail bound of the decoy estimates, with its formula and paper (Lim et al. 2014; Yin et al. 2020).
    static func tailBound(_ settings: ResolvedFiniteKey, name: String) -> Assumption {
        let value = switch settings.tailBound.value {
        case .hoeffding:
            "hoeffding: delta = sqrt(n/2 ln(21/eps_sec)) for every intensity, n the basis total (Lim et al. 2014)"
        case .chernoff:
            "chernoff, per intensity: delta- = L/2 + sqrt(2 n_k L + L^2/4), delta+ = L + sqrt(2 n_k L + L^2), L = ln(21/eps_sec) "
                + "(Yin et al., Sci. Rep. 10, 14312 (2020), as SatQuMA, Sidhu et al. 2022)"
        }
        return Assumption(name: name, value: value, basis: settings.tailBound.basis)
    }

    /// The settings used, the key per block and the time to collect a block.
    static func resultAssumptions(_ settings: ResolvedFiniteKey, signal: Sourced<Tunable>,
                                          _ result: FiniteKeyDecoyBB84Result, blockTime: Double,
                                          repetitionRate: Double) -> [Assumption] {
        let s = result.settings
        func chosen(_ value: Double, _ tunable: Sourced<Tunable>) -> (String, String) {
            tunable.value.fixedValue == nil
                ? ("\(Format.number(value)) (optimised)", "\(tunable.basis); Nelder-Mead on l/N, \(DetectorLoad.optimisedBasis)")
                : (Format.number(value), tunable.basis)
        }
        let basis = chosen(s.basisBias, settings.basisBias)
        let mu3 = settings.secondDecoyIntensity.value.fixedValue == nil
            ? ("0 (vacuum)", "\(settings.secondDecoyIntensity.basis): auto is vacuum, the optimum (Lim et al. 2014, App. A)")
            : (Format.number(s.intensities[2]), settings.secondDecoyIntensity.basis)
        let (mu1, mu2) = (chosen(s.intensities[0], signal), chosen(s.intensities[1], settings.decoyIntensity))
        let rate = result.keyBasisDetectionsPerPulse * repetitionRate
        return [
            Assumption(name: "signal intensity", value: "mu1 = \(mu1.0)", basis: mu1.1),
            Assumption(name: "decoy intensity", value: "mu2 = \(mu2.0)", basis: mu2.1),
            Assumption(name: "second decoy intensity", value: "mu3 = \(mu3.0)", basis: mu3.1),
            Assumption(name: "intensity probabilities",
                       value: s.probabilities.map { Format.number($0, digits: 3) }.joined(separator: " / ") + " (optimised)",
                       basis: "optimised by the planner with the intensities, Lim et al. 2014, Sec. IV"),
            Assumption(name: "basis bias", value: "q_X = \(basis.0)", basis: basis.1),
            Assumption(name: "block collection time",
                       value: "\(longDuration(blockTime)) = n_X / \(Format.frequency(rate)) key-basis detections",
                       basis: "N = n_X / (q_X^2 sum_k p_k R_k) = \(Format.number(result.pulsesPerBlock)) pulses at "
                           + Format.frequency(repetitionRate)),
            Assumption(name: "key per block", value: "l = \(Format.number(result.keyLength)) bits, phase error <= "
                + Format.percent(result.phaseErrorRate), basis: "Lim et al. 2014, Eqs. (1)-(5)"),
        ]
    }
}

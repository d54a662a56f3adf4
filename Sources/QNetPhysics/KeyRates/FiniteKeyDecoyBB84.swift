import Foundation

/// Finite-key decoy-state BB84 with three intensities and biased bases (Lim, Curty, Walenta, Xu, Zbinden 2014).
public enum FiniteKeyDecoyBB84 {
    /// The Hoeffding, decoy and phase-error terms each fail with ε_sec/21 (their App. B: ε_sec = 21ε).
    static let failureTerms = 21.0
    /// Largest ε_sec used when it is proportional to the key (beyond 1 the bound says nothing).
    static let largestSecrecy = 1.0
    /// Passes of ℓ = ℓ(κ·ℓ) before the key length is taken as settled.
    static let secrecyPasses = 40

    /// Secret key of one block of n_X key-basis detections at the given settings.
    ///
    /// Channel model of their Sec. IV, with the system transmittance η_sys in e_k:
    /// D_k = 1 − (1 − Y0)·e^(−η·k), R_k = D_k·(1 + p_ap), e_k = Y0/2 + e_mis·(1 − e^(−η·k)) + p_ap·D_k/2.
    /// (The paper prints η_ch in e_k; only η_sys reproduces its Fig. 1 — see physics.md.)
    /// Expected counts: N = n_X / (q_X²·Σ p_k R_k), n_{X,k} = N·q_X²·p_k·R_k, n_{Z,k} = N·(1 − q_X)²·p_k·R_k,
    /// m_{Z,k} = N·(1 − q_X)²·p_k·e_k, E_X = Σ p_k e_k / Σ p_k R_k.
    /// Tail bound (`p.tailBound`): n−_k = e^k/p_k·(n_k − δ−_k), n+_k = e^k/p_k·(n_k + δ+_k) (n = n_X, n_Z or m_Z);
    /// Hoeffding's δ±_k = √(n/2·ln(21/ε_sec)), n the basis total, as Lim et al.; Chernoff's per intensity as
    /// Yin et al. 2020 (`FiniteKeyTailBound`).
    /// Eq. (2) s_0 ≥ τ0·(μ2·n−_μ3 − μ3·n+_μ2)/(μ2 − μ3); Eq. (3) s_1 ≥ τ1·μ1·[n−_μ2 − n+_μ3 −
    /// (μ2² − μ3²)/μ1²·(n+_μ1 − s_0/τ0)] / [(μ2 − μ3)(μ1 − μ2 − μ3)], τ_n = Σ p_k e^(−k) k^n/n!;
    /// Eq. (4) v_Z,1 ≤ τ1·(m+_Z,μ2 − m−_Z,μ3)/(μ2 − μ3); Eq. (5) φ_X ≤ v_Z,1/s_Z,1 + γ(ε_sec, v_Z,1/s_Z,1, s_Z,1, s_X,1);
    /// Eq. (1) ℓ = ⌊s_X,0 + s_X,1·(1 − h(φ_X)) − λ_EC − 6·log2(21/ε_sec) − log2(2/ε_cor)⌋, λ_EC = f_EC·n_X·h(E_X).
    /// Counts are never negative: s_0 is taken as max(0, Eq. (2)) (also inside Eq. (3)), s_1 as
    /// max(0, Eq. (3)) and at most n − s_0, v_Z,1 ≥ 0; φ_X ≤ 1/2. v_Z,1 is not capped at m_Z as SatQuMA
    /// does: the paper does not, and its 10^9/10^7 key ratio at 100 km ("about 1.75") is 1.79 without
    /// the cap, 1.66 with it. The denominator of Eq. (3) is
    /// written factored, which is exact and keeps its sign. Settings that break μ1 > μ2 + μ3,
    /// μ2 > μ3 ≥ 0, 0 < p_k, q_X < 1 give no key. Units: ℓ in bits per block, R = ℓ/N in bits per
    /// pulse (× repetition rate for bit/s). Never NaN or negative.
    /// Source: Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014), Eqs. (1)–(5) and Sec. IV;
    /// Hoeffding, J. Am. Stat. Assoc. 58, 13 (1963); Yin et al., Sci. Rep. 10, 14312 (2020) for Chernoff.
    public static func evaluate(_ p: FiniteKeyDecoyBB84Parameters, settings: FiniteKeyDecoySettings)
        -> FiniteKeyDecoyBB84Result {
        keyLength(p, settings: settings).result
    }

    /// Secret key of one block made of every detection of a satellite pass, at the given settings.
    ///
    /// As SatQuMA does (Sidhu et al., npj Quantum Inf. 8, 18 (2022); cnqo-qcomms/SatQuMA
    /// key/protocols/key_efficient_BB84.py): the expected detections and errors of each intensity and
    /// basis are summed over the pass's exposures (each at its own η_sys, with `pulses` pulses), and
    /// Lim et al.'s Eqs. (1)–(5) are applied once to those totals. n_X is what the pass collects, so
    /// `p.blockSize` and `p.transmittance` are not used; E_X = Σ m_X / Σ n_X. The result's
    /// `pulsesPerBlock` is every pulse of the pass and `keyLength` the key per pass. Errors per intensity
    /// are Lim et al.'s e_k at each step; SatQuMA instead shares a step's errors over the intensities in
    /// proportion to their detections (0.6 % less key on the Micius pass of Tests/validation). SatQuMA's
    /// runs use Chernoff tail bounds (Yin et al. 2020, `p.tailBound = .chernoff`): Lim et al.'s Hoeffding
    /// bounds, the default, give the same counts and E_X on those runs but 5–16 % less key
    /// (Tests/validation/satquma-pass.yaml).
    /// Source: Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014), Eqs. (1)–(5); Sidhu et al. 2022.
    public static func evaluate(_ p: FiniteKeyDecoyBB84Parameters, settings: FiniteKeyDecoySettings,
                                pass: [FiniteKeyExposure]) -> FiniteKeyDecoyBB84Result {
        keyLength(p, settings: settings, pass: pass).result
    }

    /// The result and ℓ/N before clipping at 0 (which the optimiser climbs even where there is no key);
    /// the counts of one block of n_X at `p.transmittance`, or of every exposure of `pass`.
    static func keyLength(_ p: FiniteKeyDecoyBB84Parameters, settings: FiniteKeyDecoySettings,
                          pass: [FiniteKeyExposure]? = nil) -> (result: FiniteKeyDecoyBB84Result, rawRate: Double) {
        let counts = pass.map { ExpectedCounts(p, settings: settings, pass: $0) } ?? ExpectedCounts(p, settings: settings)
        var epsilon: Double
        var raw: Double
        var estimate: BlockEstimate
        switch p.secrecy {
        case .fixed(let value):
            epsilon = value
            (raw, estimate) = counts.keyLength(epsilonSec: epsilon)
        case .perKeyBit(let kappa):
            // ℓ(ε) grows with ε, so from the largest ℓ the iteration ℓ ← ℓ(κ·ℓ) falls to the largest fixed point.
            epsilon = min(largestSecrecy, kappa * max(1, counts.blockSize))
            (raw, estimate) = counts.keyLength(epsilonSec: epsilon)
            for _ in 0..<secrecyPasses where raw > 0 {
                let next = min(largestSecrecy, kappa * raw)
                if abs(next - epsilon) <= 1e-12 * epsilon { break }
                epsilon = next
                (raw, estimate) = counts.keyLength(epsilonSec: epsilon)
            }
        }
        let length = raw.isFinite && raw >= 1 ? raw.rounded(.down) : 0
        let pulses = counts.pulses
        let result = FiniteKeyDecoyBB84Result(
            settings: settings, keyLength: length, pulsesPerBlock: pulses.isFinite ? pulses : 0,
            keyPerPulse: pulses.isFinite && pulses > 0 ? length / pulses : 0,
            keyBasisDetectionsPerPulse: counts.keyBasisRate, detectionsPerPulse: counts.detectionRate,
            qber: counts.qber, vacuumEvents: estimate.vacuum, singlePhotonEvents: estimate.singlePhoton,
            phaseErrorRate: estimate.phaseError, epsilonSec: epsilon)
        let rawRate = pulses.isFinite && pulses > 0 && !raw.isNaN ? raw / pulses : -.infinity
        return (result, rawRate)
    }
}

/// The bounds of one block: s_X,0, s_X,1 and φ_X (Lim et al. 2014, Eqs. (2), (3) and (5)).
struct BlockEstimate {
    var vacuum: Double
    var singlePhoton: Double
    var phaseError: Double
}

/// One value per intensity (μ1, μ2, μ3): a tuple, so that an evaluation allocates nothing.
typealias PerIntensity = (Double, Double, Double)

/// Expected detections and errors per intensity and basis for one block (Lim et al. 2014, Sec. IV).
struct ExpectedCounts {
    let mu: PerIntensity
    let blockSize: Double
    let ecEfficiency: Double
    let correctness: Double
    let tailBound: FiniteKeyTailBound
    /// e^k / p_k, the weight of each intensity's counts in the decoy bounds.
    let weight: PerIntensity
    /// τ0 and τ1, the probabilities that Alice sends vacuum and one photon.
    let tau: (Double, Double)
    /// n_{X,k}, n_{Z,k} and m_{Z,k}.
    let keyDetections: PerIntensity
    let testDetections: PerIntensity
    let testErrors: PerIntensity
    let pulses: Double
    let keyBasisRate: Double
    let detectionRate: Double
    let qber: Double
    let valid: Bool

    /// The counts of one block of n_X = `p.blockSize` key-basis detections at η_sys = `p.transmittance`.
    init(_ p: FiniteKeyDecoyBB84Parameters, settings s: FiniteKeyDecoySettings) {
        let (clicks, errors) = Self.perPulse(p, settings: s, transmittance: p.transmittance)
        let q = s.basisBias
        let keyBasisRate = q * q * (clicks.0 + clicks.1 + clicks.2)
        let pulses = keyBasisRate > 0 ? p.blockSize / keyBasisRate : .infinity
        self.init(p, settings: s, clicks: Self.scaled(clicks, pulses), errors: Self.scaled(errors, pulses), pulses: pulses,
                  valid: p.blockSize > 0)
    }

    /// The counts of every exposure of a pass added into one block (Sidhu et al. 2022, as SatQuMA sums them).
    init(_ p: FiniteKeyDecoyBB84Parameters, settings s: FiniteKeyDecoySettings, pass: [FiniteKeyExposure]) {
        var clicks: PerIntensity = (0, 0, 0), errors: PerIntensity = (0, 0, 0), pulses = 0.0
        for exposure in pass where exposure.pulses > 0 && exposure.pulses.isFinite {
            let (c, e) = Self.perPulse(p, settings: s, transmittance: exposure.transmittance)
            let (cn, en) = (Self.scaled(c, exposure.pulses), Self.scaled(e, exposure.pulses))
            clicks = (clicks.0 + cn.0, clicks.1 + cn.1, clicks.2 + cn.2)
            errors = (errors.0 + en.0, errors.1 + en.1, errors.2 + en.2)
            pulses += exposure.pulses
        }
        self.init(p, settings: s, clicks: clicks, errors: errors, pulses: pulses > 0 ? pulses : .infinity, valid: pulses > 0)
    }

    /// Counts from the detections and errors of each intensity in both bases over `pulses` pulses.
    private init(_ p: FiniteKeyDecoyBB84Parameters, settings s: FiniteKeyDecoySettings, clicks: PerIntensity,
                 errors: PerIntensity, pulses: Double, valid: Bool) {
        mu = (s.intensities[0], s.intensities[1], s.intensities[2])
        let prob = (s.probabilities[0], s.probabilities[1], s.probabilities[2])
        ecEfficiency = p.ecEfficiency
        correctness = p.correctness
        tailBound = p.tailBound
        weight = (exp(mu.0) / prob.0, exp(mu.1) / prob.1, exp(mu.2) / prob.2)
        tau = (prob.0 * exp(-mu.0) + prob.1 * exp(-mu.1) + prob.2 * exp(-mu.2),
               prob.0 * exp(-mu.0) * mu.0 + prob.1 * exp(-mu.1) * mu.1 + prob.2 * exp(-mu.2) * mu.2)
        let q = s.basisBias
        let (key, test) = (q * q, (1 - q) * (1 - q))
        let allClicks = clicks.0 + clicks.1 + clicks.2
        self.pulses = pulses
        detectionRate = pulses.isFinite && pulses > 0 ? allClicks / pulses : 0
        keyBasisRate = key * detectionRate
        blockSize = key * allClicks
        self.valid = s.violation == nil && valid && blockSize > 0
        qber = allClicks > 0 ? min(0.5, (errors.0 + errors.1 + errors.2) / allClicks) : 0.5
        keyDetections = Self.scaled(clicks, key)
        testDetections = Self.scaled(clicks, test)
        testErrors = Self.scaled(errors, test)
    }

    /// Clicks R_k and errors e_k per pulse of each intensity at η_sys = `transmittance` (Lim et al. 2014, Sec. IV):
    /// D_k = 1 − (1 − Y0)·e^(−η·k), R_k = D_k·(1 + p_ap), e_k = Y0/2 + e_mis·(1 − e^(−η·k)) + p_ap·D_k/2.
    private static func perPulse(_ p: FiniteKeyDecoyBB84Parameters, settings s: FiniteKeyDecoySettings,
                                 transmittance: Double) -> (PerIntensity, PerIntensity) {
        let eta = min(1, max(0, transmittance))
        let y0 = min(1, max(0, p.darkYield))
        let afterpulse = min(1, max(0, p.afterpulseProbability))
        func clicksAndErrors(_ k: Double, _ probability: Double) -> (Double, Double) {
            let signal = -expm1(-eta * k)
            let detection = y0 + (1 - y0) * signal
            return (probability * detection * (1 + afterpulse),
                    probability * (y0 / 2 + p.misalignment * signal + afterpulse * detection / 2))
        }
        let (c1, e1) = clicksAndErrors(s.intensities[0], s.probabilities[0])
        let (c2, e2) = clicksAndErrors(s.intensities[1], s.probabilities[1])
        let (c3, e3) = clicksAndErrors(s.intensities[2], s.probabilities[2])
        return ((c1, c2, c3), (e1, e2, e3))
    }

    /// Each intensity's value × `factor`.
    private static func scaled(_ values: PerIntensity, _ factor: Double) -> PerIntensity {
        (values.0 * factor, values.1 * factor, values.2 * factor)
    }

    /// Raw ℓ of Eq. (1) (before ⌊·⌋, may be negative) and its estimates, at `epsilonSec`.
    func keyLength(epsilonSec: Double) -> (Double, BlockEstimate) {
        let none = BlockEstimate(vacuum: 0, singlePhoton: 0, phaseError: 0.5)
        guard valid, pulses.isFinite, epsilonSec > 0 else { return (-.infinity, none) }
        let logFailure = log(FiniteKeyDecoyBB84.failureTerms / epsilonSec)
        let (sx0, sx1) = vacuumAndSinglePhoton(keyDetections, logFailure: logFailure)
        let (_, sz1) = vacuumAndSinglePhoton(testDetections, logFailure: logFailure)
        let errorsUpperBound = singlePhotonErrors(logFailure: logFailure)
        var phase = 0.5
        if sx1 > 0, sz1 > 0 {
            let observed = min(1, errorsUpperBound / sz1)
            phase = min(0.5, observed + Self.gamma(epsilonSec, observed, sz1, sx1))
        }
        let leak = ecEfficiency * blockSize * binaryEntropy(qber)
        let raw = sx0 + sx1 * (1 - binaryEntropy(phase)) - leak
            - 6 * log2(FiniteKeyDecoyBB84.failureTerms / epsilonSec) - log2(2 / correctness)
        return (raw, BlockEstimate(vacuum: sx0, singlePhoton: sx1, phaseError: phase))
    }

    /// Lower bounds on the vacuum and single-photon events among `counts` (Eqs. (2) and (3)).
    private func vacuumAndSinglePhoton(_ n: PerIntensity, logFailure: Double) -> (Double, Double) {
        let delta = tailBound.deviations(n, logFailure: logFailure)
        let (mu1, mu2, mu3) = mu
        let upper1 = weight.0 * (n.0 + delta.upper.0)
        let lower2 = weight.1 * (n.1 - delta.lower.1), upper2 = weight.1 * (n.1 + delta.upper.1)
        let lower3 = weight.2 * (n.2 - delta.lower.2), upper3 = weight.2 * (n.2 + delta.upper.2)
        let total = n.0 + n.1 + n.2
        let vacuum = min(total, max(0, tau.0 * (mu2 * lower3 - mu3 * upper2) / (mu2 - mu3)))
        let multiPhoton = (mu2 * mu2 - mu3 * mu3) / (mu1 * mu1) * (upper1 - vacuum / tau.0)
        let single = tau.1 * mu1 * (lower2 - upper3 - multiPhoton) / ((mu2 - mu3) * (mu1 - mu2 - mu3))
        return (vacuum, min(total - vacuum, max(0, single)))
    }

    /// Upper bound on the bit errors of the single-photon events in Z (Eq. (4)).
    private func singlePhotonErrors(logFailure: Double) -> Double {
        let m = testErrors
        let delta = tailBound.deviations(m, logFailure: logFailure)
        return max(0, tau.1 * (weight.1 * (m.1 + delta.upper.1) - weight.2 * (m.2 - delta.lower.2)) / (mu.1 - mu.2))
    }

    /// γ(a, b, c, d) = √[(c + d)(1 − b)b/(c·d·ln 2) · log2((c + d)/(c·d·(1 − b)·b) · 21²/a²)]; 0 at b ∈ {0, 1}.
    ///
    /// The sampling term of Eq. (5) (Lim et al. 2014, after Fung, Ma, Chau, PRA 81, 012318 (2010)).
    /// A logarithm below 0 (huge samples) gives 0.
    static func gamma(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        guard b > 0, b < 1, c > 0, d > 0 else { return 0 }
        let variance = (c + d) * (1 - b) * b / (c * d)
        let logTerm = log2((c + d) / (c * d * (1 - b) * b) * FiniteKeyDecoyBB84.failureTerms
            * FiniteKeyDecoyBB84.failureTerms / (a * a))
        return logTerm > 0 ? (variance / M_LN2 * logTerm).squareRoot() : 0
    }
}

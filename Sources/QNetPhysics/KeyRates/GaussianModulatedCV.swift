import Foundation

/// How Bob measures the Gaussian-modulated coherent states.
public enum CoherentDetection: Sendable, Hashable {
    /// One quadrature, chosen at random (GG02).
    case homodyne
    /// Both quadratures, through a balanced beam splitter (no basis switching).
    case heterodyne
}

/// Inputs of the asymptotic GG02 key rate with reverse reconciliation; variances in shot-noise units.
public struct GaussianModulatedCVParameters: Sendable, Hashable {
    /// V_A, Alice's modulation variance (SNU).
    public var modulationVariance: Double
    /// T, the channel's transmittance (Bob's detector efficiency is apart, in `detectorEfficiency`).
    public var transmittance: Double
    /// ξ, excess noise referred to the channel input (SNU).
    public var excessNoise: Double
    /// η, the efficiency of Bob's (trusted) detector.
    public var detectorEfficiency: Double
    /// v_el, the electronic noise of Bob's (trusted) detector (SNU).
    public var electronicNoise: Double
    /// β, the reconciliation efficiency (0...1).
    public var reconciliationEfficiency: Double
    /// Homodyne or heterodyne detection.
    public var detection: CoherentDetection

    /// Creates the parameters; see each property for its meaning.
    public init(modulationVariance: Double, transmittance: Double, excessNoise: Double, detectorEfficiency: Double,
                electronicNoise: Double, reconciliationEfficiency: Double, detection: CoherentDetection) {
        self.modulationVariance = modulationVariance
        self.transmittance = transmittance
        self.excessNoise = excessNoise
        self.detectorEfficiency = detectorEfficiency
        self.electronicNoise = electronicNoise
        self.reconciliationEfficiency = reconciliationEfficiency
        self.detection = detection
    }
}

/// The key of one GG02 operating point and the two quantities it is the difference of.
public struct GaussianModulatedCVResult: Sendable, Hashable {
    /// I_AB, Alice–Bob mutual information, bits per symbol.
    public var mutualInformation: Double
    /// χ_BE, Holevo bound on Eve's information on Bob's data, bits per symbol.
    public var holevoBound: Double
    /// R = β·I_AB − χ_BE clipped at 0, secret bits per symbol (never NaN).
    public var keyPerSymbol: Double

    /// Creates a result; normally produced by `GaussianModulatedCV.evaluate`.
    public init(mutualInformation: Double, holevoBound: Double, keyPerSymbol: Double) {
        self.mutualInformation = mutualInformation
        self.holevoBound = holevoBound
        self.keyPerSymbol = keyPerSymbol
    }
}

/// GG02 coherent-state CV-QKD with reverse reconciliation against collective attacks, trusted detector noise
/// (Lodewyck et al., PRA 76, 042305, 2007; Laudenbach et al., Adv. Quantum Technol. 1, 1800011, 2018).
public enum GaussianModulatedCV {
    /// Secret key per symbol R = β·I_AB − χ_BE from the covariance matrix of the entanglement-based picture.
    ///
    /// V = V_A + 1; χ_line = 1/T − 1 + ξ; χ_hom = (1 − η)/η + v_el/η,
    /// χ_het = [1 + (1 − η) + 2v_el]/η; χ_tot = χ_line + χ_det/T.
    /// I_AB = (1/2, heterodyne 1)·log2[(V + χ_tot)/(1 + χ_tot)].
    /// χ_BE = G(λ1) + G(λ2) − G(λ3) − G(λ4), G(x) = ((x+1)/2)·log2((x+1)/2) − ((x−1)/2)·log2((x−1)/2), with
    /// λ1,2² = [A ± √(A² − 4B)]/2, A = V²(1 − 2T) + 2T + T²(V + χ_line)², B = T²(Vχ_line + 1)²;
    /// λ3,4² = [C ± √(C² − 4D)]/2, homodyne C = [V√B + T(V + χ_line) + Aχ_hom]/[T(V + χ_tot)],
    /// D = √B(V + √Bχ_hom)/[T(V + χ_tot)]; heterodyne
    /// C = [Aχ_het² + B + 1 + 2χ_het(V√B + T(V + χ_line)) + 2T(V² − 1)]/[T²(V + χ_tot)²],
    /// D = [(V + √Bχ_het)/(T(V + χ_tot))]²; λ5 = 1 adds nothing.
    /// Domain: T in (0, 1], η in (0, 1], V_A > 0, ξ, v_el ≥ 0; outside it (or
    /// at T = 0) the key is 0. A pure-loss channel (ξ = 0, β = 1, η = 1,
    /// v_el = 0, homodyne) gives 0.345 at V_A = 4, T = 1/2 and tends to
    /// ½·log2(1/(1 − T)) as V_A → ∞. Units: bits per symbol.
    /// Source: Lodewyck et al., PRA 76, 042305 (2007), Eqs. 4–8 and Appendix;
    /// Laudenbach et al., Adv. Quantum Technol. 1, 1800011 (2018), Sec. 4 (Eqs. 58–70).
    ///
    /// Below `continuationTransmittance` the key is `continued(_:)`: the double-precision difference of the
    /// entropies loses its digits there.
    public static func evaluate(_ p: GaussianModulatedCVParameters) -> GaussianModulatedCVResult {
        // The small-T form needs the excess noise at Bob at the fit points, T1·ξ, small against the shot noise; ξ that
        // large (ξ fixed at the receiver, referred to the input as ξ_B/T) leaves no key there anyway.
        guard p.transmittance > 0, p.transmittance < continuationTransmittance,
              10 * continuationTransmittance * p.excessNoise <= 1e-3 else { return direct(p) }
        return continued(p)
    }

    /// The transmittance (70 dB) below which `evaluate` continues the key from its small-T form.
    public static let continuationTransmittance = 1e-7

    /// The key at T below `continuationTransmittance` from its small-T form K = T·(k0 + k1·ln T) + O(T²·ln T), fitted
    /// through the directly evaluated K(T) at T1 = 1e-6 and T2 = 1e-7; I_AB directly, χ_BE = β·I_AB − K.
    ///
    /// Below T ≈ 1e-7 the terms of β·I_AB − χ_BE are ~1 bit and their difference ~T: double precision leaves it
    /// round-off (a 25 km-sized key of 1e-15 bit at 140 dB came out 2.6 times too large, of either sign further on).
    /// As T → 0, two symplectic eigenvalues tend to V and two to 1 + O(T); G(1 + ε) = (ε/2)·log2(2e/ε) + O(ε²) makes
    /// the key T times an affine function of ln T. Checked against the same formulas in 80-digit arithmetic (mpmath)
    /// at V_A = 4, ξ = 0.01, η = 0.6, v_el = 0.05, β = 0.95: within 3e-5 of the key down to 200 dB, and the key's
    /// zero at 216.996 dB against 216.9955 dB (the direct evaluation is within 1.5e-6 of it above 70 dB).
    /// Source: the rate of `direct` (Lodewyck et al. 2007; Laudenbach et al. 2018), continued by its asymptotic form.
    static func continued(_ p: GaussianModulatedCVParameters) -> GaussianModulatedCVResult {
        let t2 = continuationTransmittance, t1 = 10 * continuationTransmittance
        var at = p
        at.transmittance = t1
        let k1 = rawKey(direct(at), p) / t1
        at.transmittance = t2
        let k2 = rawKey(direct(at), p) / t2
        let slope = (k1 - k2) / log(t1 / t2)
        let raw = k2 > 0 ? p.transmittance * (k2 + slope * log(p.transmittance / t2)) : -1
        let mutual = mutualInformation(p)
        let key = raw.isFinite && raw > 0 ? raw : 0
        return GaussianModulatedCVResult(mutualInformation: mutual, holevoBound: max(0, p.reconciliationEfficiency * mutual - key),
                                         keyPerSymbol: key)
    }

    /// β·I_AB − χ_BE of `result`, before clipping at 0.
    private static func rawKey(_ result: GaussianModulatedCVResult, _ p: GaussianModulatedCVParameters) -> Double {
        p.reconciliationEfficiency * result.mutualInformation - result.holevoBound
    }

    /// I_AB = (1/2, heterodyne 1)·log2[1 + V_A/(1 + χ_tot)], with log1p: exact to the last digits at any T.
    /// Source: Lodewyck et al., PRA 76, 042305 (2007), Eq. 4; Laudenbach et al. 2018, Eq. 58.
    static func mutualInformation(_ p: GaussianModulatedCVParameters) -> Double {
        let t = p.transmittance, eta = p.detectorEfficiency
        guard t > 0, eta > 0 else { return 0 }
        let chiTot = 1 / t - 1 + p.excessNoise + detectorNoise(p) / t
        let value = (p.detection == .heterodyne ? 1 : 0.5) * log1p(p.modulationVariance / (1 + chiTot)) / log(2)
        return value.isFinite ? max(0, value) : 0
    }

    /// χ_hom = (1 − η)/η + v_el/η, χ_het = [1 + (1 − η) + 2v_el]/η (Lodewyck et al. 2007, Eq. 6).
    private static func detectorNoise(_ p: GaussianModulatedCVParameters) -> Double {
        let eta = p.detectorEfficiency, vel = p.electronicNoise
        return p.detection == .heterodyne ? (1 + (1 - eta) + 2 * vel) / eta : (1 - eta) / eta + vel / eta
    }

    /// The key straight from the covariance matrix, in double precision (see `evaluate`).
    private static func direct(_ p: GaussianModulatedCVParameters) -> GaussianModulatedCVResult {
        let t = p.transmittance, eta = p.detectorEfficiency, va = p.modulationVariance
        let xi = p.excessNoise, vel = p.electronicNoise
        let valid = [t, eta, va, xi, vel, p.reconciliationEfficiency].allSatisfy(\.isFinite)
        guard valid, t > 0, t <= 1, eta > 0, eta <= 1, va > 0, xi >= 0, vel >= 0 else {
            return GaussianModulatedCVResult(mutualInformation: 0, holevoBound: 0, keyPerSymbol: 0)
        }
        let v = va + 1
        let chiLine = 1 / t - 1 + xi
        let heterodyne = p.detection == .heterodyne
        let chiDet = detectorNoise(p)
        let chiTot = chiLine + chiDet / t
        let mutual = mutualInformation(p)

        let a = v * v * (1 - 2 * t) + 2 * t + t * t * (v + chiLine) * (v + chiLine)
        let b = t * t * (v * chiLine + 1) * (v * chiLine + 1)
        let sqrtB = sqrt(b)
        let c: Double, d: Double
        if heterodyne {
            let denominator = t * (v + chiTot)
            c = (a * chiDet * chiDet + b + 1 + 2 * chiDet * (v * sqrtB + t * (v + chiLine)) + 2 * t * (v * v - 1))
                / (denominator * denominator)
            d = ((v + sqrtB * chiDet) / denominator) * ((v + sqrtB * chiDet) / denominator)
        } else {
            c = (v * sqrtB + t * (v + chiLine) + a * chiDet) / (t * (v + chiTot))
            d = sqrtB * (v + sqrtB * chiDet) / (t * (v + chiTot))
        }
        let (l1, l2) = symplecticPair(sum: a, product: b)
        let (l3, l4) = symplecticPair(sum: c, product: d)
        let holevo = max(0, g(l1) + g(l2) - g(l3) - g(l4))
        let raw = p.reconciliationEfficiency * mutual - holevo
        return GaussianModulatedCVResult(mutualInformation: mutual, holevoBound: holevo,
                                         keyPerSymbol: raw.isFinite && raw > 0 ? raw : 0)
    }

    /// Excess noise at the channel input for a noise ξ_B fixed at the channel's output (Bob's input): ξ_B/T.
    ///
    /// Noise added near the receiver (e.g. Raman scattering of co-propagating
    /// classical light, a local oscillator's leakage) does not shrink with the
    /// channel loss, so referred to the input it grows as 1/T; this is why the
    /// reach falls from hundreds of km to tens when ξ is quoted at Bob.
    /// Domain: T ≤ 0 gives +infinity.
    /// Source: Laudenbach et al., Adv. Quantum Technol. 1, 1800011 (2018), Sec. 4.1 (ξ_B = T·ξ).
    public static func excessNoiseAtInput(receiverReferred xiB: Double, transmittance: Double) -> Double {
        transmittance > 0 ? xiB / transmittance : .infinity
    }

    /// Extra channel loss (dB) the key tolerates; negative: the loss to remove first; nil: no key even lossless.
    ///
    /// The loss multiplies T; with `receiverReferredNoise` ξ_B the input
    /// excess noise follows the new T (ξ = ξ_B/T), otherwise `p.excessNoise`
    /// stays. `removableLossDB` is the channel loss that may be removed.
    /// Source: the rate of `evaluate` (Laudenbach et al. 2018); bisection as `LossThreshold.extraLoss`.
    public static func toleratedExtraLoss(_ p: GaussianModulatedCVParameters, receiverReferredNoise: Double?,
                                          removableLossDB: Double) -> Double? {
        LossThreshold.extraLoss(removable: removableLossDB) { extra in
            var shifted = p
            shifted.transmittance = min(1, p.transmittance * pow(10, -extra / 10))
            if let xiB = receiverReferredNoise {
                shifted.excessNoise = excessNoiseAtInput(receiverReferred: xiB, transmittance: shifted.transmittance)
            }
            return evaluate(shifted).keyPerSymbol > 0
        }
    }

    /// The symplectic eigenvalues λ with λ1² + λ2² = `sum`, λ1²λ2² = `product`.
    private static func symplecticPair(sum: Double, product: Double) -> (Double, Double) {
        let root = sqrt(max(0, sum * sum - 4 * product))
        return (sqrt(max(0, (sum + root) / 2)), sqrt(max(0, (sum - root) / 2)))
    }

    /// G(λ), the von Neumann entropy of a thermal mode of symplectic eigenvalue λ (0 for λ ≤ 1).
    private static func g(_ x: Double) -> Double {
        guard x > 1, x.isFinite else { return 0 }
        let plus = (x + 1) / 2, minus = (x - 1) / 2
        return plus * log2(plus) - minus * log2(minus)
    }
}

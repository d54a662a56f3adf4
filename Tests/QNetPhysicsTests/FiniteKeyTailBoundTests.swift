import Foundation
import Testing

@testable import QNetPhysics

@Suite("Tail bounds of the finite-key decoy bounds (Lim et al. 2014; Yin et al. 2020)")
struct FiniteKeyTailBoundTests {
    /// Counts n_k of the three intensities and L = ln(21/ε_sec) at ε_sec = 1e-9, SatQuMA's eps_s.
    static let counts: PerIntensity = (1e6, 1e4, 100)
    static let logFailure = log(21 / 1e-9)

    @Test("Chernoff: δ−_k and δ+_k per intensity as SatQuMA's nXZpm computes them")
    func chernoffMatchesSatQuMA() {
        // term_m and term_p of nXZpm (cnqo-qcomms/SatQuMA key/protocols/func_efficient_BB84.py, after Yin et al.,
        // Sci. Rep. 10, 14312 (2020)), evaluated by its own NumPy expressions (Python 3, NumPy 2.4) on these counts:
        // derived, as SatQuMA prints only the bounds' results (its sX0, sX1 are in satquma-pass-chernoff-decoy-bounds).
        let lower = [6906.499023082499, 701.4467936854936, 81.84663132507902]
        let upper = [6918.413642638703, 713.6378291177739, 96.69559788392314]
        let delta = FiniteKeyTailBound.chernoff.deviations(Self.counts, logFailure: Self.logFailure)
        let computed = ([delta.lower.0, delta.lower.1, delta.lower.2], [delta.upper.0, delta.upper.1, delta.upper.2])
        for k in 0..<3 {
            #expect(abs(computed.0[k] / lower[k] - 1) < 1e-12, "delta-_\(k + 1) = \(computed.0[k]), SatQuMA \(lower[k])")
            #expect(abs(computed.1[k] / upper[k] - 1) < 1e-12, "delta+_\(k + 1) = \(computed.1[k]), SatQuMA \(upper[k])")
        }
    }

    @Test("Chernoff with no counts still widens the bounds: δ− = L, δ+ = 2L")
    func chernoffAtZeroCounts() {
        let delta = FiniteKeyTailBound.chernoff.deviations((0, 0, 0), logFailure: Self.logFailure)
        #expect(abs(delta.lower.2 - Self.logFailure) < 1e-12 && abs(delta.upper.2 - 2 * Self.logFailure) < 1e-12)
    }

    @Test("Hoeffding: one δ = √(n/2·L) on the basis total for every intensity, below and above (Lim et al. 2014)")
    func hoeffdingOnTheTotal() {
        let expected = (1_010_100 / 2 * Self.logFailure).squareRoot()
        let delta = FiniteKeyTailBound.hoeffding.deviations(Self.counts, logFailure: Self.logFailure)
        for value in [delta.lower.0, delta.lower.1, delta.lower.2, delta.upper.0, delta.upper.1, delta.upper.2] {
            #expect(value == expected)
        }
    }

    @Test("Parameters bound with Hoeffding's inequality unless told otherwise, as Lim et al. do")
    func hoeffdingByDefault() {
        #expect(FiniteKeyDecoyBB84Tests.limSystem(km: 50, blockSize: 1e7).tailBound == .hoeffding)
    }
}

import Foundation

/// The search for the extra channel loss at which a key rate falls to zero.
public enum LossThreshold {
    /// Largest extra loss searched, dB.
    public static let maxLossDB = 400.0
    /// Resolution of the search, dB.
    static let toleranceDB = 1e-4

    /// Extra loss (dB) at which `hasKey` turns false: negative when the key needs loss removed (at most
    /// `removable` dB); nil when there is no key even then; `maxLossDB` when there is key there.
    ///
    /// Bisection to 1e-4 dB; assumes key > 0 is monotone in the loss (true of
    /// every key rate here). Evaluates `hasKey` about 22 times.
    /// Source: bisection, Press et al., Numerical Recipes, 3rd ed. (2007), Sec. 9.1.
    public static func extraLoss(removable: Double, _ hasKey: (Double) -> Bool) -> Double? {
        let lower = -max(0, removable.isFinite ? removable : 0)
        guard hasKey(lower) else { return nil }
        guard !hasKey(maxLossDB) else { return maxLossDB }
        return Optimise.bisectBoundary(lower: lower, upper: maxLossDB, tolerance: toleranceDB, hasKey)
    }
}

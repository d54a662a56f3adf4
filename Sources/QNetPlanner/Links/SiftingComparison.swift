import QNetModel

/// Why a finite key can come out above the asymptotic key of the same link: the finite-key protocol of Lim, Curty,
/// Walenta, Xu, Zbinden (PRA 89, 022307 (2014)) keeps the key-basis pairs of biased bases, a fraction q_X² of the
/// detections with q_X optimised (efficient BB84, Lo, Chau, Ardehali, J. Cryptol. 18, 133 (2005)), while the
/// asymptotic decoy key (Lo, Ma, Chen 2005) sifts as the link's `sifting` says: 1/2 standard, 1 efficient.
enum SiftingComparison {
    /// The `sifting` line shown beside a finite key: the basis bias `basisBias` it used (from `biasBasis`) against
    /// the asymptotic key's `sifting`.
    static func assumption(basisBias: Double, biasBasis: String, asymptotic sifting: Sourced<Sifting>) -> Assumption {
        let asymptotic = sifting.value == .efficient ? "efficient, q = 1" : "standard, q = 1/2"
        let exceeds = sifting.value == .standard && basisBias * basisBias > 0.5
            ? ": more key-basis detections, so the finite key can exceed the asymptotic one" : ""
        return Assumption(
            name: "sifting",
            value: "finite key: biased bases, q_X = \(Format.number(basisBias)), key-basis pairs q_X^2 = "
                + "\(Format.percent(basisBias * basisBias)) of detections; asymptotic key: \(asymptotic)\(exceeds)",
            basis: "Lim et al., PRA 89, 022307 (2014), q_X from \(biasBasis); asymptotic from \(sifting.basis)")
    }
}

import QNetPhysics

/// Where a repeater chain's elementary pairs get their fidelity: each link's optical error e_d (its misalignment plus
/// half its inter-symbol fraction) depolarises the heralded pair to Werner weight 1 − 2e_d, so that a two-click pair
/// keeps F0 = 1 − 3/2·e_d and a pair of heralded fidelity F_h (single-click, or lowered by dark counts) keeps
/// (1 − 2e_d)·F_h + e_d/2 (`EntanglementHeralding`; Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011); Barrett, Kok, PRA 71,
/// 060310(R) (2005)).
enum ElementaryFidelity {
    /// The assumption line of `links`, whose heralded pairs are `pairs` (same order): one group per distinct
    /// misalignment, timing error, heralding and fidelity, with the keys the misalignments came from.
    static func assumption(_ links: [ElementaryLink], pairs: [BellDiagonalState]) -> Assumption {
        var groups = LinkGroups()
        for (link, pair) in zip(links, pairs) {
            let fidelity = Format.number(pair.fidelity, digits: 3)
            let value: String
            if HeraldingStationNoise.perDetector(link) > 0 {
                // The heralded fidelity before e_d, F_h = (F0 - e_d/2) / (1 - 2 e_d), lowered by the false heralds.
                let ed = Sanitise.fraction(link.errorRate)
                let heralded = ed < 0.5 ? Sanitise.fraction((pair.fidelity - ed / 2) / (1 - 2 * ed)) : 0.25
                value = "(1 - 2 e_d) F_h + e_d/2 = \(fidelity), F_h = \(Format.number(heralded, digits: 3)) the "
                    + (link.heralding.value == .twoClick ? "two-click" : "single-click (about 1 - alpha without dark counts)")
                    + " fidelity with false heralds from dark counts"
            } else if link.heralding.value == .twoClick {
                value = "1 - 3/2 e_d = \(fidelity)"
            } else {
                value = "(1 - 2 e_d) F_h + e_d/2, F_h the single-click fidelity (about 1 - alpha) = \(fidelity)"
            }
            let timing = max(0, link.errorRate - Sanitise.fraction(link.misalignment.value))
            let text = "F0 = \(value), e_d = misalignment "
                + "\(Format.percent(link.misalignment.value)) + 1/2 inter-symbol fraction \(Format.percent(2 * timing))"
            groups.add(text, basis: link.misalignment.basis)
        }
        return Assumption(name: "elementary fidelity", value: groups.value,
                          basis: groups.bases.joined(separator: "; ") + "; e_d depolarises the heralded pair to Werner weight "
                            + "1 - 2 e_d, before memory decay and purification (Sangouard et al., RMP 83, 33 (2011))")
    }
}

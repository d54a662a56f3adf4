import QNetFormats
import QNetPlanner

/// The inspector on what a link's own plan adds to its budgets: the CV-QKD figures, and a satellite pass.
extension InspectorContent {
    /// A cv-gg02 link's figures: I_AB, χ_BE, excess noise, β and the rest.
    static func continuousVariableRows(_ plan: LinkPlan) -> [TextRow] {
        guard let cv = plan.continuousVariable else { return [] }
        return [.blank, .heading("CV-QKD GG02")] + figureRows(PlanFigures.continuousVariable(cv))
    }

    /// A finite-key decoy BB84 link's block: its size, ε, the settings used, the key per block and the time to fill it.
    static func finiteKeyRows(_ plan: LinkPlan) -> [TextRow] {
        guard let finite = plan.finiteKey else { return [] }
        return [.blank, .heading("Finite key (one block)")] + figureRows(PlanFigures.finiteKey(finite)) + siftingRows(finite.sifting)
    }

    /// The sifting a finite key used against the asymptotic key's, with its basis under it.
    private static func siftingRows(_ sifting: Assumption?) -> [TextRow] {
        sifting.map { [TextRow("  \($0.name): \($0.value)"), TextRow("    " + $0.basis, role: .dim)] } ?? []
    }

    /// A satellite link's pass: what one pass and a day deliver, then the key rate from culmination to the pass's
    /// end (the other half is its mirror image).
    static func passRows(_ plan: LinkPlan) -> [TextRow] {
        guard let pass = plan.pass else { return [] }
        var rows: [TextRow] = [.blank, .heading("Pass")] + figureRows(PlanFigures.pass(pass))
        if let reason = pass.noKeyReason { rows.append(TextRow("  no key: " + reason, role: .error)) }
        if let finite = pass.finiteKey {
            rows += figureRows(PlanFigures.passFiniteKey(finite)) + siftingRows(finite.sifting)
            if let reason = finite.noKeyReason { rows.append(TextRow("  no finite key: " + reason, role: .error)) }
        }
        guard !pass.profile.isEmpty else { return rows }
        rows += [.blank, .heading("Pass profile: elevation → asymptotic key rate")]
        rows += pass.profile.map { sample in
            TextRow("  " + EngineeringFormat.degrees(sample.elevation), EngineeringFormat.rate(sample.keyRateBps),
                    valueRole: sample.keyRateBps > 0 ? nil : .bad)
        }
        return rows
    }
}

import QNetPlanner

extension MarkdownReport {
    /// Every satellite link with a pass: duration above its lowest elevation, key per pass and per day.
    static func passSection(_ plan: Plan, into text: inout MarkdownText) {
        let passes = plan.links.compactMap { link in link.pass.map { (link.id.rawValue, $0) } }
        guard !passes.isEmpty else { return }
        text.heading("Satellite passes")
        // With any finite key, the header is a finite pass's: its daily average is labelled asymptotic, true of every row.
        let finite = passes.first { $0.1.finiteKey != nil }
        let columns = (finite ?? passes.first).map { PlanFigures.pass($0.1).map(\.label) } ?? []
        let finiteColumns = finite?.1.finiteKey.map { Array(PlanFigures.passFiniteKey($0).prefix(finiteSummaryColumns).map(\.label)) } ?? []
        text.table(["link"] + columns + finiteColumns, passes.map { id, pass in
            let finiteValues = pass.finiteKey.map { PlanFigures.passFiniteKey($0).prefix(finiteSummaryColumns).map(\.value) }
                ?? Array(repeating: "–", count: finiteColumns.count)
            return [id] + PlanFigures.pass(pass).map(\.value) + finiteValues
        })
        text.paragraph("A pass enters the key graph at its daily average, key per day / 86 400 s (its finite key's "
            + "when the link has finite_key); "
            + "each link's budget below is its single geometry at the pass's highest elevation."
            + (finite == nil ? "" : " A finite key sifts with biased bases (q_X, Lim et al. 2014) and an asymptotic one "
                + "with the link's sifting (q = 1/2 standard), so a finite key per pass can exceed the asymptotic one: "
                + "each link's Sifting line below gives both."))
    }

    /// The finite-key figures in the passes table: key per pass, key per day, daily average.
    private static let finiteSummaryColumns = 3

    /// A link's pass: what it delivers, its profile from culmination to the end, and its assumptions.
    static func passDetail(_ pass: SatellitePassPlan, into text: inout MarkdownText) {
        text.line("Pass: " + PlanFigure.sentence(PlanFigures.pass(pass)) + ".")
        if let reason = pass.noKeyReason { text.line("No key over the pass: \(reason).") }
        if let finite = pass.finiteKey {
            text.line("Finite key over the pass (one block of the whole pass, Lim et al. 2014 as Sidhu et al. 2022): "
                + PlanFigure.sentence(PlanFigures.passFiniteKey(finite)) + ".")
            siftingLine(finite.sifting, into: &text)
            if let reason = finite.noKeyReason { text.line("No finite key over the pass: \(reason).") }
        }
        text.blank()
        if !pass.profile.isEmpty {
            text.line("Pass profile from culmination, asymptotic key (its QBER and key rate are the asymptotic key's at each "
                + "elevation; the pass is symmetric):")
            text.blank()
            text.table(
                ["time", "elevation", "slant range", "channel loss", "QBER", "key rate"],
                pass.profile.map { sample in
                    [EngineeringFormat.time(sample.timeSeconds), EngineeringFormat.degrees(sample.elevation),
                     EngineeringFormat.kilometres(sample.slantRange), EngineeringFormat.decibels(sample.lossDB),
                     sample.qber.map(EngineeringFormat.percent) ?? "–", EngineeringFormat.rate(sample.keyRateBps)]
                })
        }
        assumptionList(pass.assumptions, into: &text)
    }
}

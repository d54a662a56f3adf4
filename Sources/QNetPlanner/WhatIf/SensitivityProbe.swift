import QNetModel

/// Derivatives of a demand's rate with respect to its limiting link's loss,
/// length and detector efficiency, by finite differences: each step is planned
/// (`LocalReplan`) and the demand routed again on the changed key graph.
///
/// Central differences (f(x+h) − f(x−h))/2h where both sides exist, else the
/// one-sided three-point formulas ±(−3f(x) + 4f(x±h) − f(x±2h))/2h, all with
/// error O(h²) (Press et al., Numerical Recipes, 3rd ed., 2007, Sec. 5.7).
/// Extra loss cannot be negative, so the loss derivative is always forward.
struct SensitivityProbe {
    /// Steps: 0.1 dB, 0.1 km, 1 percentage point of efficiency.
    static let lossStepDB = 0.1
    static let lengthStepKm = 0.1
    static let efficiencyStepPercent = 1.0
    /// The name of the budget line a loss step adds.
    static let lossStepName = "what-if loss step"

    let local: LocalReplan
    let router: ChangeRouter

    /// The sensitivities of `demand`'s rate (`base` bit/s in the plan) to the link at `linkIndex`.
    func sensitivity(of demand: Demand, rate base: Double, linkIndex: Int) -> Sensitivity {
        let network = router.network
        let topology = network.topology
        let link = topology.links[linkIndex]
        func rate(_ edited: Link, equipment: Equipment? = nil) -> Double {
            router.route(demand, change: local.change(replacing: [linkIndex], with: [edited], equipment: equipment)).maxFlowBps
        }

        let perDB = derivative(at: 0, step: Self.lossStepDB, unit: "dB", range: 0...Double.infinity, base: base) { db in
            var edited = link
            edited.extraLosses.append(NamedLoss(name: Self.lossStepName, loss: Quantity(db, .decibel)))
            return rate(edited)
        }

        var perKm: RateDerivative?
        if link.resolvedMedium != .satellite {
            let km = (link.length?.si ?? 0) / 1000
            perKm = derivative(at: km, step: Self.lengthStepKm, unit: "km", range: 0...Double.infinity, base: base) { value in
                var edited = link
                edited.length = Quantity(value, .kilometre)
                return rate(edited)
            }
        }

        let receiver = LinkEquipment(topology: topology, linkIndex: linkIndex, nodeIndex: network.nodeIndex)
        let percent = receiver.detectorEfficiency * 100
        let perPercent = derivative(at: percent, step: Self.efficiencyStepPercent, unit: "%", range: 0...100, base: base) { value in
            let (edited, equipment) = receiver.withEfficiency(Quantity(value, .percent), on: link, in: topology.equipment)
            return rate(edited, equipment: equipment)
        }
        return Sensitivity(link: link.id, perDB: perDB, perKm: perKm, perPercentEfficiency: perPercent)
    }

    /// d f / d x at `x` with step `h`, keeping every evaluation inside `range`; `base` is f(x).
    private func derivative(at x: Double, step h: Double, unit: String, range: ClosedRange<Double>, base: Double,
                            _ f: (Double) -> Double) -> RateDerivative {
        let value: Double
        let scheme: String
        if range.contains(x - h) && range.contains(x + h) {
            value = (f(x + h) - f(x - h)) / (2 * h)
            scheme = "central"
        } else if range.contains(x + 2 * h) {
            value = (-3 * base + 4 * f(x + h) - f(x + 2 * h)) / (2 * h)
            scheme = "forward 3-point"
        } else {
            value = (3 * base - 4 * f(x - h) + f(x - 2 * h)) / (2 * h)
            scheme = "backward 3-point"
        }
        return RateDerivative(bpsPerUnit: Sanitise.finite(value), unit: unit, step: h, scheme: scheme)
    }
}

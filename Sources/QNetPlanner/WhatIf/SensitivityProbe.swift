import QNetModel

/// Derivatives of a demand's rate with respect to its limiting link's loss,
/// length and detector efficiency, by finite differences: each step is planned
/// (`LocalReplan`) and the demand routed again on the changed key graph.
///
/// Central differences (f(x+h) − f(x−h))/2h where both sides exist, else the
/// one-sided three-point formulas ±(−3f(x) + 4f(x±h) − f(x±2h))/2h, all with
/// error O(h²) (Press et al., Numerical Recipes, 3rd ed., 2007, Sec. 5.7).
/// Extra loss cannot be negative, so the loss derivative is always forward.
///
/// A max-flow rate has kinks where two links (or segments) limit it equally:
/// worsening either lowers the rate, improving one alone does not raise it.
/// There the central difference would report half the loss and a gain that
/// does not exist, so when the two one-sided slopes (f(x±h) − f(x))/±h differ
/// by more than `kinkTolerance` of the larger, the slope on the worsening side
/// (longer, less efficient) is reported instead, and the scheme says so.
struct SensitivityProbe {
    /// Steps: 0.1 dB, 0.1 km, 1 percentage point of efficiency.
    static let lossStepDB = 0.1
    static let lengthStepKm = 0.1
    static let efficiencyStepPercent = 1.0
    /// The name of the budget line a loss step adds.
    static let lossStepName = "what-if loss step"
    /// Relative difference of the one-sided slopes above which the rate has a kink at the parameter's value
    /// (on a smooth rate they differ by about h·f''/f', under 1 % at these steps).
    static let kinkTolerance = 0.1

    /// Which way of a parameter makes the link worse.
    enum Worse {
        case up, down
    }

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

        let perDB = derivative(at: 0, step: Self.lossStepDB, unit: "dB", range: 0...Double.infinity, base: base,
                               worse: .up) { db in
            var edited = link
            edited.extraLosses.append(NamedLoss(name: Self.lossStepName, loss: Quantity(db, .decibel)))
            return rate(edited)
        }

        var perKm: RateDerivative?
        if link.resolvedMedium != .satellite {
            let km = (link.length?.si ?? 0) / 1000
            perKm = derivative(at: km, step: Self.lengthStepKm, unit: "km", range: 0...Double.infinity, base: base,
                               worse: .up) { value in
                var edited = link
                edited.length = Quantity(value, .kilometre)
                return rate(edited)
            }
        }

        let receiver = LinkEquipment(topology: topology, linkIndex: linkIndex, nodeIndex: network.nodeIndex)
        let percent = receiver.detectorEfficiency * 100
        let perPercent = derivative(at: percent, step: Self.efficiencyStepPercent, unit: "%", range: 0...100, base: base,
                                    worse: .down) { value in
            let (edited, equipment) = receiver.withEfficiency(Quantity(value, .percent), on: link, in: topology.equipment)
            return rate(edited, equipment: equipment)
        }
        return Sensitivity(link: link.id, perDB: perDB, perKm: perKm, perPercentEfficiency: perPercent)
    }

    /// d f / d x at `x` with step `h`, keeping every evaluation inside `range`; `base` is f(x). At a kink,
    /// the one-sided slope on the `worse` side.
    private func derivative(at x: Double, step h: Double, unit: String, range: ClosedRange<Double>, base: Double,
                            worse: Worse, _ f: (Double) -> Double) -> RateDerivative {
        let value: Double
        let scheme: String
        var otherWay: Double?
        if range.contains(x - h) && range.contains(x + h) {
            let (above, below) = (f(x + h), f(x - h))
            let (forward, backward) = ((above - base) / h, (base - below) / h)
            if abs(forward - backward) > Self.kinkTolerance * max(abs(forward), abs(backward)) {
                value = worse == .up ? forward : backward
                // The change of a step to the better side: f(x − h) − f(x) where worse is up (QA: its sign was flipped).
                let better = (worse == .up ? below : above) - base
                otherWay = Sanitise.finite(better)
                scheme = (worse == .up ? "forward" : "backward")
                    + " 2-point at a kink (within one step another link or segment limits instead; one step the other way changes the rate by "
                    + "\(Format.number(better, digits: 3)) bit/s)"
            } else {
                value = (above - below) / (2 * h)
                scheme = "central"
            }
        } else if range.contains(x + 2 * h) {
            value = (-3 * base + 4 * f(x + h) - f(x + 2 * h)) / (2 * h)
            scheme = "forward 3-point"
        } else {
            value = (3 * base - 4 * f(x - h) + f(x - 2 * h)) / (2 * h)
            scheme = "backward 3-point"
        }
        return RateDerivative(bpsPerUnit: Sanitise.finite(value), unit: unit, step: h, scheme: scheme, otherWay: otherWay)
    }
}

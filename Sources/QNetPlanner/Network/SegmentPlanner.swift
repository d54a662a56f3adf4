import QNetModel
import QNetPhysics

/// Turns found segments into `SegmentPlan`s: a one-link decoy BB84 or CV-QKD
/// segment carries its link's key, an entanglement segment is a repeater chain,
/// and BBM92, MDI-QKD and twin-field segments get their two-arm key builders.
enum SegmentPlanner {
    /// The plan of `segment`; `outcomes` are indexed like `topology.links` (nil: skipped link). A segment through a
    /// satellite link at one geometry and no pass, from a satellite that is not geostationary, carries no key
    /// (`FixedElevationLink`): the key it would have is kept as `keyWhileInViewBps`.
    static func plan(_ segment: FoundSegment, id: String, topology: Topology, outcomes: [LinkOutcome?])
        -> (SegmentPlan, [Diagnostic]) {
        let (built, diagnostics) = build(segment, id: id, topology: topology, outcomes: outcomes)
        let inView = segment.links.filter { outcomes[$0]?.keyOnlyWhileInView == true }
        guard !inView.isEmpty, built.keyRateBps > 0 else { return (built, diagnostics) }
        var plan = built
        plan.keyWhileInViewBps = plan.keyRateBps
        plan.noKeyReason = FixedElevationLink.segmentReason(links: inView.map { topology.links[$0].id }, rate: plan.keyRateBps)
        plan.keyRateBps = 0
        return (plan, diagnostics)
    }

    /// The plan of `segment` with every link's key as planned.
    private static func build(_ segment: FoundSegment, id: String, topology: Topology, outcomes: [LinkOutcome?])
        -> (SegmentPlan, [Diagnostic]) {
        let nodeIDs = segment.nodes.map { topology.nodes[$0].id }
        let linkIDs = segment.links.map { topology.links[$0].id }
        let plans = segment.links.compactMap { outcomes[$0]?.plan }
        var diagnostics: [Diagnostic] = []
        let kinds = plans.map(\.protocolKind)
        let kind = kinds.first ?? .bb84Decoy
        let channelLossDB = plans.reduce(0) { $0 + $1.lossDB }
        let repetitionRate = plans.first?.repetitionRateHz ?? 0
        let plob = PLOBRate.bitsPerSecond(lossDB: channelLossDB, repetitionRate: repetitionRate)
        func noKey(_ reason: String) -> SegmentPlan {
            SegmentPlan(id: id, nodes: nodeIDs, links: linkIDs, protocolKind: kind, keyRateBps: 0, plobBoundBps: plob,
                        noKeyReason: reason)
        }
        let path = "links[\(segment.links[0])]"
        if Set(kinds).count > 1 {
            let names = Set(kinds.map(\.rawValue)).sorted().joined(separator: ", ")
            let reason = "the links of segment \(id) name different protocols (\(names)); every link of a segment needs the same one"
            diagnostics.append(Diagnostic(.error, reason, keyPath: "\(path).protocol"))
            return (noKey(reason), diagnostics)
        }
        switch kind {
        case .bb84Decoy:
            guard plans.count == 1, let link = plans.first else {
                let inner = nodeIDs.dropFirst().dropLast().map(\.rawValue).joined(separator: ", ")
                let reason = "bb84-decoy ends at the nodes that hold the key, but segment \(id) passes through \(inner), which hold none (use mdi, tf or entanglement)"
                diagnostics.append(Diagnostic(.error, reason, keyPath: "\(path).protocol"))
                return (noKey(reason), diagnostics)
            }
            // A satellite pass enters the key graph at its daily average (physics.md §4), finite when asked for.
            // Its reason is the pass's alone: the link's own (its key at culmination, a block of block_size) is not
            // what the key graph carries.
            let pass = link.pass?.keyGraphFigures
            let reason = link.pass.map { $0.finiteKey.map(\.noKeyReason) ?? $0.noKeyReason } ?? link.noKeyReason
            var plan = SegmentPlan(id: id, nodes: nodeIDs, links: linkIDs, protocolKind: kind,
                                   keyRateBps: pass?.dailyAverageBps ?? link.keyRateBps, plobBoundBps: link.plobBoundBps,
                                   keyPerPassBits: pass?.perPass, keyPerDayBits: pass?.perDay,
                                   marginDB: link.marginDB, noKeyReason: reason)
            plan.marginUnlimited = link.marginUnlimited
            return (plan, diagnostics)
        case .entanglement:
            let result = RepeaterChainPlanner.plan(links: ChainInputs.links(segment, topology: topology, outcomes: outcomes),
                                                   nodes: ChainInputs.nodes(segment, topology: topology),
                                                   hops: TrustedHops(segment, topology: topology, outcomes: outcomes),
                                                   repetitionRate: repetitionRate)
            return (SegmentPlan(id: id, nodes: nodeIDs, links: linkIDs, protocolKind: kind, keyRateBps: result.rate,
                                plobBoundBps: plob, fidelity: result.fidelity, noKeyReason: result.reason,
                                repeater: result.plan), diagnostics)
        case .twinField:
            return TwinFieldSegmentBuilder.plan(segment, id: id, topology: topology, outcomes: outcomes, plob: plob)
        case .cvGG02:
            return CVQKDLinkBuilder.segment(segment, id: id, topology: topology, outcomes: outcomes, plob: plob)
        case .bbm92:
            return BBM92SegmentBuilder.plan(TwoArmSegment(segment: segment, id: id, topology: topology, outcomes: outcomes))
        case .mdi:
            return MDISegmentBuilder.plan(TwoArmSegment(segment: segment, id: id, topology: topology, outcomes: outcomes))
        }
    }
}

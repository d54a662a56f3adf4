import QNetModel

/// A link to a demand's end that has none (`DemandWhatIf.unlinkedEnds`), from the nearest key holder by position whose
/// link gives the demand key: a fiber link as long as the distance between their positions (as the workbench's
/// `:add link` measures it), otherwise a copy of that key holder's first fiber link in the file, with the source and
/// detector that link uses (as a trusted node at a link's midpoint keeps the split link's keys and equipment). When none
/// gives key, why the nearest one's gives none (`NewLinkWithoutKey`: past the reach of one link, or longer than any
/// link the planner accepts, say).
extension SuggestionFinder {
    /// How many of the nearest key holders with a fiber link are tried, nearest first.
    static let newLinkTries = 3

    /// The new link to the node at `end` (an end of `demand` without links; with `relaysOnly`, from a node that relays
    /// keys, not from the demand's other end) that gives `demand` key, planned
    /// (`LocalReplan`) and routed as every candidate; nil when `end` or the key holders have no position, or none of
    /// the `newLinkTries` nearest gives the demand more than `base` by `smallestGain`: then `withoutKey` says why the
    /// nearest of them whose link plans without errors gives no key, when it gives none, or that the nearest is farther
    /// than any fiber link can be.
    /// - Complexity: O(N log N + L) besides planning and routing at most `newLinkTries` links.
    func newLinkSuggestion(to end: Int, for demand: Demand, rate base: Double, relaysOnly: Bool = false)
        -> (suggestion: Suggestion?, withoutKey: NewLinkWithoutKey?) {
        let topology = network.topology
        let target = topology.nodes[end]
        guard let position = target.position else { return (nil, nil) }
        let other = network.nodeIndex[target.id == demand.from ? demand.to : demand.from]
        // Each node's first fiber link (the new link's model), and the nodes a link already joins to the end.
        var firstFiber: [Identifier: Int] = [:]
        var linked = Set<Identifier>()
        for (index, link) in topology.links.enumerated() {
            if link.touches(target.id) { linked.insert(link.otherEnd(from: target.id)) }
            guard link.resolvedMedium == .fiber else { continue }
            for id in [link.from, link.to] where firstFiber[id] == nil { firstFiber[id] = index }
        }
        // Key holders that can pass the demand's key on: its other end, or one that relays keys; not one so joined.
        let near = topology.nodes.indices.compactMap { index -> (index: Int, meters: Double)? in
            let node = topology.nodes[index]
            guard index != end, node.holdsKey, (index == other && !relaysOnly) || node.resolvedKind != .endpoint,
                  firstFiber[node.id] != nil,
                  !linked.contains(node.id), let at = node.position, let meters = position.groundDistance(to: at) else { return nil }
            return (index, meters)
        }.sorted { $0.meters != $1.meters ? $0.meters < $1.meters : $0.index < $1.index }
        var taken = network.ids
        var withoutKey: NewLinkWithoutKey?
        for (index, meters) in near.prefix(Self.newLinkTries) {
            let near = topology.nodes[index]
            guard let template = firstFiber[near.id] else { continue }
            let equipment = LinkEquipment(topology: topology, linkIndex: template, nodeIndex: network.nodeIndex)
            var link = topology.links[template]
            link.id = MidpointSplit.unique("\(near.id)-\(target.id)", &taken)
            (link.from, link.to) = (near.id, target.id)
            link.length = Quantity(meters.rounded() / 1000, .kilometre)
            (link.source, link.detector) = (equipment.sourceName, equipment.detectorName)
            link.protocolKind = network.segmentsOfLink[template].first.map { network.segments[$0].protocolKind } ?? link.protocolKind
            let change = local.change(replacing: [], with: [link])
            let model = topology.links[template].id
            guard change.errors.isEmpty else {
                // Longer than any fiber can be: the planner refuses it at its length, and the demand is told so.
                if withoutKey == nil, meters > LinkLengthBounds.longestFiber,
                   let refusal = change.errors.first(where: { $0.keyPath?.hasSuffix(".length") == true }) {
                    withoutKey = NewLinkWithoutKey(from: near.id, to: target.id, distanceMeters: meters, equippedAs: model,
                                                   reachMeters: nil, noKeyReason: refusal.message,
                                                   longestAcceptedMeters: LinkLengthBounds.longestFiber)
                }
                continue
            }
            guard change.added.contains(where: { $0.keyRateBps > 0 }) else {
                if withoutKey == nil, let segment = change.added.first(where: { $0.links == [link.id] }) {
                    var (reachMeters, reason): (Double?, String) = (nil, segment.noKeyReason ?? "its key rate is 0")
                    switch reach(of: link, withoutKeyAt: segment, attenuation: equipment.attenuation) {
                    case .meters(let longest): reachMeters = longest
                    case .none(let shortest): reason = shortest
                    }
                    withoutKey = NewLinkWithoutKey(from: near.id, to: target.id, distanceMeters: meters, equippedAs: model,
                                                   reachMeters: reachMeters, noKeyReason: reason)
                }
                continue
            }
            let result = router.route(demand, change: change)
            guard result.maxFlowBps > base * (1 + Self.smallestGain), result.maxFlowBps > 0 else { continue }
            return (Suggestion(kind: .newLink,
                              summary: "a fiber link from \(near.id) to \(target.id), \(Format.km(meters)) between their "
                                  + "positions, equipped as \(model), planned at \(Format.rate(change.added.map(\.keyRateBps).max() ?? 0)) "
                                  + "(\(near.id) is the nearest key holder whose link "
                                  + "\(base > 0 ? "raises \(demand.resolvedID)'s rate" : "gives \(demand.resolvedID) key"))",
                              changes: [MidpointSplit.newLinkText(link) + " (its other keys those of \(model), extra losses included)"],
                              edit: SuggestedEdit(links: [link]),
                              rateBps: result.maxFlowBps, satisfied: result.satisfied), nil)
        }
        return (nil, withoutKey)
    }

    /// For a demand short of its rate whose ends both have links, and that no other change meets: a fiber link to one
    /// of its ends from the nearest node that relays keys and is not yet linked to it, whose link raises the demand's
    /// rate, as `newLinkSuggestion` finds one for an end without links; at most one per end (QA: with its trusted node
    /// deleted, a chain's demand was offered better swaps, never the 67.8 km link to the next trusted node that met
    /// it). Not a link between the demand's own ends: offered from both, it came twice, equipped as whatever link its
    /// first end has first (a repeater chain's hop) (second reader).
    /// - Complexity: at most 2 × `newLinkTries` links planned and routed.
    func shortcutSuggestions(for demand: Demand, rate base: Double) -> [Suggestion] {
        [demand.from, demand.to].compactMap { network.nodeIndex[$0] }.compactMap { end in
            cancellation.isCancelled ? nil : newLinkSuggestion(to: end, for: demand, rate: base, relaysOnly: true).suggestion
        }
    }
}

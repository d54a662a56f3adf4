import QNetModel
import QNetPlanner

/// What `check` (and the workbench's status line after an edit) says of a plan's results beside the planner's own
/// diagnostics, each at its key: a note per node that is an end of no link, a note per link without key, with its
/// reason, and a warning per demand that is not met or that no QKD path serves (post-quantum cryptography only).
/// None fails the check: they are planning results, not input errors.
///
/// At most `limit` of each kind are listed; one more line says how many others there are, as the planner's
/// warnings of overdrawn segments do, so that a large network's check stays short.
public enum PlanOutcomeNotes {
    /// At most this many nodes without links, as many links without key, and as many demands not met, get a line of their own.
    public static let limit = 10

    /// The notes and warnings of `plan`, planned from `topology`: a link whose own diagnostics already say why it
    /// has no key (one on no path between key-holding nodes) and a demand the planner already warned of (one whose
    /// only paths pass through endpoints) get none, nor does a plan with errors (they say why, and fail the check).
    /// With `remedies` false the overdrawn segments' changes (a what-if analysis of their own) are left out, as the
    /// workbench leaves them out of its comparison after every edit.
    public static func diagnostics(_ plan: Plan, of topology: Topology, remedies: Bool = true) -> [Diagnostic] {
        guard !plan.diagnostics.contains(where: { $0.severity == .error }) else { return [] }
        let keyless = plan.links.indices.filter { index in
            let link = plan.links[index]
            guard link.keyRateBps <= 0 else { return false }
            guard let reason = link.noKeyReason else { return true }
            return !link.diagnostics.contains { $0.message.contains(reason) }
        }
        var notes = unlinkedNodeNotes(topology) + (remedies ? overdrawNotes(plan, of: topology) : [])
        notes += keyless.prefix(limit).map { index in
            let link = plan.links[index]
            return Diagnostic(.note, "link \(link.id) has no key: \(link.noKeyReason ?? "its key rate is 0")",
                              keyPath: topologyIndex(of: link.id, at: index, in: topology).map { "links[\($0)]" })
        }
        if keyless.count > limit {
            notes.append(Diagnostic(.note, "\(keyless.count - limit) more links have no key (the report gives each one's reason)"))
        }

        let warned = Set(plan.diagnostics.compactMap { $0.keyPath.flatMap(Self.demandIndex) })
        let short = plan.demands.indices.filter { !plan.demands[$0].satisfied && !warned.contains($0) }
        notes += short.prefix(limit).map { index in
            let demand = plan.demands[index]
            guard demand.fallback == nil else {
                return Diagnostic(.warning, "demand \(demand.id) is not met: \(demand.note ?? "no QKD path") (\(demand.fallback ?? ""))",
                                  keyPath: "demands[\(index)].between")
            }
            return Diagnostic(.warning, "demand \(demand.id) is not met: its max flow is \(demand.maxFlowIsExact ? "" : "at least ")"
                + "\(EngineeringFormat.rate(demand.maxFlowBps)) "
                + "of the \(EngineeringFormat.rate(demand.requiredBps)) it requires"
                + (demand.bottleneckSegment.map { " (its best path is limited by segment \($0))" } ?? ""),
                              keyPath: "demands[\(index)].key_rate")
        }
        if short.count > limit {
            notes.append(Diagnostic(.warning, "\(short.count - limit) more demands are not met (the report lists them all)"))
        }
        return notes
    }

    /// Where the link `id`, the plan's link at `planIndex`, is among the topology's: at the same index when the plan
    /// keeps the topology's order (every link planned), else searched for.
    /// - Complexity: O(1) when the orders agree, else O(L).
    private static func topologyIndex(of id: Identifier, at planIndex: Int, in topology: Topology) -> Int? {
        if topology.links.indices.contains(planIndex), topology.links[planIndex].id == id { return planIndex }
        return topology.links.firstIndex { $0.id == id }
    }

    /// A note per node that is an end of no link (no key reaches it, nor passes through it), `limit` at most.
    /// - Complexity: O(N + L)
    static func unlinkedNodeNotes(_ topology: Topology) -> [Diagnostic] {
        var linked = Set<Identifier>(minimumCapacity: 2 * topology.links.count)
        // By index: binding each link would copy the whole record (the workbench asks this after every edit).
        for index in topology.links.indices {
            linked.insert(topology.links[index].from)
            linked.insert(topology.links[index].to)
        }
        let unlinked = topology.nodes.indices.filter { !linked.contains(topology.nodes[$0].id) }
        var notes = unlinked.prefix(limit).map { index in
            Diagnostic(.note, "node \(topology.nodes[index].id) has no link: no key reaches it",
                       keyPath: "nodes[\(index)]")
        }
        if unlinked.count > limit { notes.append(Diagnostic(.note, "\(unlinked.count - limit) more nodes have no link")) }
        return notes
    }

    /// Beside the planner's warning of a segment overdrawn in every routing, a note with the change of its link that
    /// gives it the most key (`OverdrawRemedy`), at the same key; none when no segment is.
    /// - Complexity: that of `WhatIfAnalyzer.overdrawRemedies()`, only when some segment is overdrawn in every routing.
    static func overdrawNotes(_ plan: Plan, of topology: Topology) -> [Diagnostic] {
        guard plan.sharedCapacity.provenShort else { return [] }
        var linkIndex: [Identifier: Int] = [:]
        for (index, link) in topology.links.enumerated() where linkIndex[link.id] == nil { linkIndex[link.id] = index }
        let overloaded = Dictionary(plan.sharedCapacity.overloaded.map { ($0.segment, $0.segmentIndex) }, uniquingKeysWith: { a, _ in a })
        return WhatIfAnalyzer(topology: topology, plan: plan).overdrawRemedies().map { remedy in
            let first = overloaded[remedy.segment].flatMap { plan.segments[$0].links.first }
            let keyPath = first.flatMap { linkIndex[$0] }.map { "links[\($0)]" }
            let must = "\(EngineeringFormat.rate(remedy.neededBps)) that \(remedy.forcedBy.map(\.rawValue).joined(separator: ", ")) must take"
            guard let best = remedy.changes.first else {
                return Diagnostic(.note, "segment \(remedy.segment): none of the changes of \(remedy.link) tried raises its key "
                    + "by 1 % or more (\(must))", keyPath: keyPath)
            }
            return Diagnostic(.note, "segment \(remedy.segment): \(best.summary) gives \(EngineeringFormat.rate(best.keyRateBps)) "
                + "between its ends, \(best.coversNeed ? "enough for" : "short of") the \(must)"
                + (best.lowers.isEmpty ? "" : ", but lowers " + best.lowers.map(\.summary).joined(separator: "; "))
                + " (the report lists every change tried, with its edits)", keyPath: keyPath)
        }
    }

    /// The demand a key path such as `demands[3].between` points into, if it points into one.
    static func demandIndex(_ keyPath: String) -> Int? {
        guard keyPath.hasPrefix("demands["), let close = keyPath.firstIndex(of: "]") else { return nil }
        return Int(keyPath[keyPath.index(keyPath.startIndex, offsetBy: 8)..<close])
    }
}

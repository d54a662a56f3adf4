import Foundation
import QNetModel

/// Plans a topology again and again as it is edited, reusing what an edit did not touch.
///
/// Each link's plan is kept with the inputs it was computed from (the link,
/// its end nodes, the equipment it uses and the defaults, see `LinkInputs`);
/// a re-plan recomputes only the links whose inputs changed. Fast path: when
/// the nodes, equipment and defaults are unchanged, a link equal to the
/// previous call's link at the same index is reused without rebuilding its inputs. Segments and the
/// key graph are rebuilt every time (cheap).
///
/// Demands: when the key graph has the same nodes and edges and only
/// capacities changed, a demand's routing is kept as far as a fresh one
/// provably repeats it, to the bit (see `reuse(_:changed:capacities:)`):
/// - its exact max-flow, when no changed edge touches the demand's ends or
///   was crossed by any of its augmenting paths, no capacity crossed the
///   max-flow's zero, and that zero (1e-12 of the largest capacity) is the
///   same. The augmenting paths depend only on which residuals are above
///   zero, so the run is the same step by step. An increase of an edge the
///   final flow leaves unsaturated is not enough: the value cannot grow, but
///   an edge saturated and freed again on the way, or the rounding along a
///   crossed edge, changes the edges that carry flow or the value's last bits;
/// - with the flow kept, its widest path of width W, when no changed edge
///   on it falls below W and none reaches W from below; else only the widest
///   path is searched again (`lastRepathedDemandCount`);
/// - a greedy packing within max_trusted_nodes ≥ 1 is routed again after any
///   change of capacity; with max_trusted_nodes = 0 (direct segments, exact)
///   the rule above applies.
///
/// Not thread-safe: use one session from one task at a time.
public final class PlanningSession {
    /// The previous call's link plans by link id, with the inputs they were computed from.
    private var linkCache: [Identifier: (inputs: LinkInputs, outcome: LinkOutcome)] = [:]
    private let memo = ThresholdMemo()
    /// The previous call's topology and link outcomes by index, for the fast path of `plan(_:)`.
    private var previous: (topology: Topology, inputs: [LinkInputs?], outcomes: [LinkOutcome?], nodeIndex: [Identifier: Int])?
    /// The previous call's segments, reused when the key holders and link ends are the same.
    private var previousSegments: SegmentSnapshot?
    /// The warnings for the node keys that their kind does not read (`UnusedNodeKeys`), for the previous call's nodes.
    private var unusedNodeKeys: [Diagnostic] = []
    /// The previous call's nodes that set keys only some segments read (`UnusedNodeKeys.segmentScoped`).
    private var segmentScopedNodes: [Int] = []

    private struct SegmentSnapshot {
        var holdsKey: [Bool]
        /// The node ids the segment ids are made of.
        var nodeIDs: [Identifier]
        var ends: [(Int, Int)?]
        var found: [FoundSegment]
        var truncated: Bool
        var ids: [String]
        var plans: [SegmentPlan]
        var notes: [[Diagnostic]]
    }
    /// What the previous call routed (`PlanningSession+Routing.swift`).
    var previousRouting: RoutingSnapshot?

    /// Links whose physics ran in the last `plan(_:)` call (the rest were reused).
    public private(set) var lastRecomputedLinkCount = 0
    /// Demands routed afresh in the last `plan(_:)` call (the rest kept at least their flow).
    public internal(set) var lastReroutedDemandCount = 0
    /// Demands whose widest path was searched again, their flow kept, in the last `plan(_:)` call.
    public internal(set) var lastRepathedDemandCount = 0

    /// A session with empty caches.
    public init() {}

    /// The plan of `topology`, reusing every link plan whose inputs are unchanged since the previous call.
    public func plan(_ topology: Topology) -> Plan {
        var diagnostics: [Diagnostic] = MixedPositionKinds.warning(topology.nodes).map { [$0] } ?? []
        var nodeIndex: [Identifier: Int] = [:]
        if let previous, previous.topology.nodes == topology.nodes {
            nodeIndex = previous.nodeIndex
        } else {
            nodeIndex.reserveCapacity(topology.nodes.count)
            for (index, node) in topology.nodes.enumerated() where nodeIndex[node.id] == nil { nodeIndex[node.id] = index }
            unusedNodeKeys = UnusedNodeKeys.warnings(topology.nodes)
            segmentScopedNodes = UnusedNodeKeys.segmentScoped(topology.nodes)
        }
        diagnostics += unusedNodeKeys

        // Links: reuse or compute.
        let linkCount = topology.links.count
        var inputs = [LinkInputs?](repeating: nil, count: linkCount)
        var outcomes = [LinkOutcome?](repeating: nil, count: linkCount)
        var pending: [Int] = []
        // Links whose outcome is the previous call's at the same index, with the same nodes, equipment and defaults.
        var unchanged = [Bool](repeating: false, count: linkCount)
        // Fast path: with the same nodes, equipment and defaults (arrays that share storage compare in O(1)),
        // a link equal to the previous call's link at the same index has the same inputs.
        var sameContext = false
        if let previous {
            sameContext = previous.topology.nodes == topology.nodes && previous.topology.equipment == topology.equipment
                && previous.topology.defaults == topology.defaults
        }
        if sameContext, let previous {
            // Unchanged links first, without copying them: equal bytes, else `==`.
            let (oldLinks, newLinks) = (previous.topology.links, topology.links)
            oldLinks.withUnsafeBufferPointer { old in
                newLinks.withUnsafeBufferPointer { new in
                    for index in 0..<min(old.count, new.count) where previous.inputs[index] != nil
                        && (Self.sameBytes(old.baseAddress! + index, new.baseAddress! + index) || old[index] == new[index]) {
                        unchanged[index] = true
                    }
                }
            }
        }
        let shared = SharedRecords(topology)
        // Bound once: binding `previous` in the loop would copy its topology (many retains) per link.
        let (previousInputs, previousOutcomes) = (previous?.inputs ?? [], previous?.outcomes ?? [])
        for index in 0..<linkCount {
            if unchanged[index], let input = previousInputs[index] {
                input.rebase(onto: topology.links)   // an equal link: no older links array stays alive
                inputs[index] = input
                outcomes[index] = previousOutcomes[index]
                continue
            }
            guard let input = LinkInputs(topology: topology, index: index, nodeIndex: nodeIndex, shared: shared),
                  input.fromIndex != input.toIndex else {
                let link = topology.links[index]
                diagnostics.append(Diagnostic(.error, "link \(link.id) is skipped: it must join two different existing nodes",
                                              keyPath: "links[\(index)].between"))
                continue
            }
            inputs[index] = input
            if let cached = linkCache[input.link.id], cached.inputs == input {
                outcomes[index] = cached.outcome
                linkCache[input.link.id] = (input, cached.outcome)   // the cached inputs keep an older links array
            } else {
                pending.append(index)
            }
        }
        let resolved = inputs
        let computed = ParallelMap.map(pending, state: AssumptionMemo()) { [memo] strings, index in
            LinkPlanner.plan(resolved[index]!, memo: memo, strings: strings)
        }
        for (index, outcome) in zip(pending, computed) { outcomes[index] = outcome }
        lastRecomputedLinkCount = pending.count
        for index in pending {
            if let input = inputs[index], let outcome = outcomes[index] { linkCache[input.link.id] = (input, outcome) }
        }
        if linkCache.count != linkCount {
            // Links were removed or renamed: keep only the current ones.
            var nextCache: [Identifier: (inputs: LinkInputs, outcome: LinkOutcome)] = [:]
            nextCache.reserveCapacity(linkCount)
            for index in 0..<linkCount {
                if let input = inputs[index], let outcome = outcomes[index] { nextCache[input.link.id] = (input, outcome) }
            }
            linkCache = nextCache
        }
        previous = (topology, inputs, outcomes, nodeIndex)
        // A node's warning (its satellite altitude) comes with each of its links: the plan lists it once.
        var nodeWarnings: Set<Diagnostic> = []
        var lengthWarnings: [Diagnostic] = []
        for outcome in outcomes {
            guard let outcome else { continue }
            diagnostics += outcome.diagnostics.filter { !($0.keyPath?.hasPrefix("nodes[") ?? false) || nodeWarnings.insert($0).inserted }
            if let warning = outcome.lengthWarning { lengthWarnings.append(warning) }
        }
        // Each link keeps its own; the plan lists the first few and counts the rest.
        diagnostics += LinkLengthCheck.listed(lengthWarnings)

        // Segments: the same key holders and link ends give the same segments; with the same nodes,
        // equipment and defaults, a segment all of whose links are unchanged (so are their ids) has the same plan.
        let holdsKey = topology.nodes.map(\.holdsKey)
        let nodeIDs = topology.nodes.map(\.id)
        let ends: [(Int, Int)?] = inputs.map { $0.map { ($0.fromIndex, $0.toIndex) } }
        var found: [FoundSegment]
        var truncated: Bool
        var segmentIDs: [String]
        let sameShape = previousSegments.map {
            $0.holdsKey == holdsKey && $0.nodeIDs == nodeIDs && Self.sameEnds($0.ends, ends)
        } ?? false
        if sameShape, let snapshot = previousSegments {
            (found, truncated, segmentIDs) = (snapshot.found, snapshot.truncated, snapshot.ids)
        } else {
            (found, truncated) = SegmentFinder.find(holdsKey: holdsKey, ends: ends)
            var usedIDs: [String: Int] = [:]
            segmentIDs = found.map { segment in
                let base = segment.nodes.map { topology.nodes[$0].id.rawValue }.joined(separator: "~")
                let seen = usedIDs[base, default: 0] + 1
                usedIDs[base] = seen
                return seen == 1 ? base : "\(base)#\(seen)"
            }
        }
        if truncated {
            diagnostics.append(Diagnostic(.warning, "segment search stopped at its bound (\(SegmentFinder.maxInnerNodes) inner nodes, \(SegmentFinder.maxStepsPerStart) steps per node): some routes through untrusted nodes are not in the key graph"))
        }
        diagnostics += UnusedNodeKeys.segmentWarnings(topology.nodes, candidates: segmentScopedNodes, segments: found,
                                                      truncated: truncated) { outcomes[$0]?.plan.protocolKind }
        let reuseSegments = sameShape && sameContext
        var segments: [SegmentPlan] = []
        var segmentNotes: [[Diagnostic]] = []
        segments.reserveCapacity(found.count)
        segmentNotes.reserveCapacity(found.count)
        let snapshot = reuseSegments ? previousSegments : nil
        // Bound once, not per segment (binding the snapshot copies its arrays).
        let (previousPlans, previousNotes) = (snapshot?.plans ?? [], snapshot?.notes ?? [])
        let changedSegments = found.indices.filter { position in
            snapshot == nil || !found[position].links.allSatisfy { unchanged[$0] }
        }
        let planned = ParallelMap.map(changedSegments) { [found, segmentIDs, outcomes] position in
            SegmentPlanner.plan(found[position], id: segmentIDs[position], topology: topology, outcomes: outcomes)
        }
        var next = 0
        for position in found.indices {
            if snapshot != nil, next == changedSegments.count || changedSegments[next] != position {
                segments.append(previousPlans[position])
                segmentNotes.append(previousNotes[position])
            } else {
                var segment = planned[next].0
                segment.diagnostics = planned[next].1
                segments.append(segment)
                segmentNotes.append(planned[next].1)
                next += 1
            }
            diagnostics += segmentNotes[position]
        }
        previousSegments = SegmentSnapshot(holdsKey: holdsKey, nodeIDs: nodeIDs, ends: ends, found: found, truncated: truncated, ids: segmentIDs,
                                           plans: segments, notes: segmentNotes)
        // Links inside multi-link or non-BB84 segments report their segment's key and their receiver's operating
        // point; a link in several (a hub link of a relay) reports the segment with the most key.
        // Reserved to the exact count: link plans are large, and a grown array would keep up to twice the room.
        var linkPlans: [LinkPlan] = []
        linkPlans.reserveCapacity(outcomes.reduce(0) { $1 == nil ? $0 : $0 + 1 })
        for case let outcome? in outcomes { linkPlans.append(outcome.plan) }
        var planIndex = [Int](repeating: -1, count: linkCount)
        var position = 0
        for index in 0..<linkCount where outcomes[index] != nil { planIndex[index] = position; position += 1 }
        var bestSegment = [Int](repeating: -1, count: linkCount)
        // By index: iterating the segments themselves would copy each one.
        for index in found.indices where found[index].links.count > 1 || segments[index].protocolKind != .bb84Decoy {
            let rate = segments[index].keyRateBps
            for link in found[index].links where bestSegment[link] < 0 || rate > segments[bestSegment[link]].keyRateBps {
                bestSegment[link] = index
            }
        }
        for link in 0..<linkCount where bestSegment[link] >= 0 && planIndex[link] >= 0 {
            let plan = segments[bestSegment[link]]
            linkPlans[planIndex[link]].keyRateBps = plan.keyRateBps
            // Without a key budget (twin-field, repeater chains), the segment's rate over the link's pulse rate.
            let pulseRate = linkPlans[planIndex[link]].repetitionRateHz
            linkPlans[planIndex[link]].keyPerPulse = plan.keyBudget?.keyPerPulse ?? (pulseRate > 0 ? plan.keyRateBps / pulseRate : 0)
            linkPlans[planIndex[link]].marginDB = plan.marginDB
            linkPlans[planIndex[link]].marginUnlimited = plan.marginUnlimited
            linkPlans[planIndex[link]].noKeyReason = plan.keyRateBps > 0 ? nil : plan.noKeyReason
            if let detector = plan.operatingDetector(of: linkPlans[planIndex[link]].id) { linkPlans[planIndex[link]].detector = detector }
            linkPlans[planIndex[link]].assumptions.append(
                Assumption(name: "segment", value: plan.id, basis: "the link reports its segment's key rate, margin and receiver operating point (of several, the one with the most key)"))
        }
        // A link that lies in no segment has no key anyone holds: one keyed per segment (not decoy BB84) has none, and
        // a decoy BB84 link's own key (QA: one to a repeater with no other link showed 5.8 Mbit/s) goes to an end that
        // holds none. Say why. A link with a key of its own keeps it where the search stopped at its bound (its segment
        // may be among those not found); one without is told it lies on no path either way.
        var inSegment = [Bool](repeating: false, count: linkCount)
        for index in found.indices { for link in found[index].links { inSegment[link] = true } }
        for index in 0..<linkCount where planIndex[index] >= 0 && !inSegment[index] && linkPlans[planIndex[index]].noKeyReason == nil
            && (linkPlans[planIndex[index]].keyRateBps == 0 || !truncated) {
            var reason = LinkPlan.noSegmentReason
            if linkPlans[planIndex[index]].keyRateBps > 0, let ends = ends[index] {
                let keyless = [ends.0, ends.1].filter { !holdsKey[$0] }.map { topology.nodes[$0] }
                if !keyless.isEmpty { reason = linkPlans[planIndex[index]].withdrawKey(keylessEnds: keyless) }
            }
            linkPlans[planIndex[index]].noKeyReason = reason
            let warning = Diagnostic(.warning, "link \(linkPlans[planIndex[index]].id): \(reason)", keyPath: "links[\(index)]")
            linkPlans[planIndex[index]].diagnostics.append(warning)
            diagnostics.append(warning)
        }
        // Each link keeps its note; the plan lists the first few and counts the rest (a large network stays readable).
        let equipmentNotes = BuiltInEquipmentNotes.notes(inputs).filter { planIndex[$0.link] >= 0 }
        for (index, note) in equipmentNotes { linkPlans[planIndex[index]].diagnostics.append(note) }
        diagnostics += equipmentNotes.prefix(BuiltInEquipmentNotes.listed).map(\.note)
        if equipmentNotes.count > BuiltInEquipmentNotes.listed {
            diagnostics.append(Diagnostic(.note, "\(equipmentNotes.count - BuiltInEquipmentNotes.listed) more links use a built-in "
                + "source or detector while others name the topology's own (each link's entry says which)"))
        }

        // Key graph and demands.
        let keyNodes = topology.nodes.indices.filter { holdsKey[$0] }.map {
            (topologyIndex: $0, canRelay: topology.nodes[$0].resolvedKind != .endpoint)
        }
        let edges = found.indices.map { index in
            (from: found[index].nodes.first!, to: found[index].nodes.last!, capacity: segments[index].keyRateBps, segment: index)
        }
        let graph = KeyGraph(keyNodes: keyNodes, topologyNodeCount: topology.nodes.count, edges: edges)
        let (demands, sharedCapacity) = route(topology.demands, graph: graph, topology: topology, segments: segments, nodeIndex: nodeIndex)
        diagnostics += EndpointBarrier.warnings(topology, plans: demands, graph: graph, nodeIndex: nodeIndex)
        diagnostics += DarkCountKeys.warnings(topology.equipment) + UnusedDetectorKeys.warnings(topology.equipment)
        diagnostics += Self.overloadWarnings(sharedCapacity, firstLinks: found.map { $0.links.first }) { id in
            topology.links.firstIndex { $0.id == id }
        }
        return Plan(topologyName: topology.name, links: linkPlans, segments: segments, demands: demands,
                    diagnostics: diagnostics, sharedCapacity: sharedCapacity)
    }

    /// At most this many overloaded segments get a warning of their own; one more says how many others there are.
    static let overloadWarningLimit = 10

    /// A warning per segment the demands' scaled flows overdraw (`SharedCapacity`), located at the segment's first
    /// link (`firstLinks`, by segment), and per shared link they overdraw, located at that link (`linkIndex`).
    static func overloadWarnings(_ shared: SharedCapacity, firstLinks: [Int?], linkIndex: (Identifier) -> Int?) -> [Diagnostic] {
        var warnings = shared.overloaded.prefix(overloadWarningLimit).map { overload in
            let carries = "segment \(overload.segment) carries \(Format.rate(overload.keyRateBps))"
            let message = overload.isForced
                ? carries + ", but every path of \(overload.forcedBy.map(\.rawValue).joined(separator: ", ")) crosses it and together "
                    + "they need \(Format.rate(overload.forcedBps)): they cannot all be met together"
                : carries + ", but the max flows of the demands crossing it (\(overload.demands.map(\.rawValue).joined(separator: ", "))), "
                    + "each scaled to its required rate, take \(Format.rate(overload.loadBps)): these demands are not shown to be met together"
            return Diagnostic(.warning, message, keyPath: firstLinks[overload.segmentIndex].map { "links[\($0)]" })
        }
        warnings += shared.sharedLinks.prefix(overloadWarningLimit).map { link in
            Diagnostic(.warning, "link \(link.link) is shared by segments \(link.segments.joined(separator: ", ")), each planned as if "
                + "it had the link alone; the demands' scaled max flows need \(Format.number(link.utilisation, digits: 3)) times "
                + "its time: these demands are not shown to be met together", keyPath: linkIndex(link.link).map { "links[\($0)]" })
        }
        if shared.overloaded.count > overloadWarningLimit {
            warnings.append(Diagnostic(.warning, "\(shared.overloaded.count - overloadWarningLimit) more segments are overdrawn "
                + "by the demands' scaled max flows (the report's shared capacity lists them all)"))
        }
        return warnings
    }

    /// Whether two lists of link ends are equal.
    static func sameEnds(_ a: [(Int, Int)?], _ b: [(Int, Int)?]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case (nil, nil): continue
            case let (x?, y?) where x == y: continue
            default: return false
            }
        }
        return true
    }

    /// Whether two stored values have identical bytes: then they are the same value (the same strings
    /// and array buffers included; a NaN field counts as unchanged, which only helps reuse).
    @inline(__always)
    static func sameBytes<T>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>) -> Bool {
        memcmp(UnsafeRawPointer(a), UnsafeRawPointer(b), MemoryLayout<T>.size) == 0
    }
}

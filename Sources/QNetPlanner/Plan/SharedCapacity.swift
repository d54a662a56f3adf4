import QNetModel

/// Whether the demands met alone, each planned as if it had the network to itself, also fit together.
///
/// Each such demand's max-flow is scaled to its required rate and the scaled flows are summed on
/// every segment: a segment's key is shared by every demand that crosses it, whatever the direction.
/// A demand not met even alone takes no part (it is reported short already, and its whole max flow
/// would overdraw every segment another demand shares with it). When no segment is asked for
/// more than it carries, the scaled flows are one joint routing in which every demand gets that
/// rate: the demands met alone are met together. When some segment is overloaded, that routing
/// does not fit; another might (a multi-commodity flow would tell), so the demands are not shown
/// to be met together, unless the segment is a bridge for the demands that overdraw it: when every
/// path of those demands crosses it (a chain of trusted nodes, say), every routing does, and they
/// cannot all be met together (`SegmentOverload.forcedBps`).
public struct SharedCapacity: Sendable, Hashable {
    /// The key the scaled flows take from each segment, bit/s, in the order of `Plan.segments`.
    public var loadBps: [Double]
    /// The segments asked for more key than they carry, in the order of `Plan.segments`.
    public var overloaded: [SegmentOverload]
    /// Links that several loaded segments share (a relay's hub link), each segment planned as if it had the link
    /// alone, whose segments are asked for more than the link's time can give: Σ load / key over them above 1.
    public var sharedLinks: [SharedLinkOverload]

    public init(loadBps: [Double] = [], overloaded: [SegmentOverload] = [], sharedLinks: [SharedLinkOverload] = []) {
        self.loadBps = loadBps
        self.overloaded = overloaded
        self.sharedLinks = sharedLinks
    }

    /// Whether the scaled flows fit every segment, and every link that segments share (then every demand met alone
    /// is met together).
    public var scaledFlowsFit: Bool { overloaded.isEmpty && sharedLinks.isEmpty }

    /// Whether some segment must carry more than it has in every routing: the demands cannot all get their rates together.
    public var provenShort: Bool { overloaded.contains(where: \.isForced) }

    /// The overloaded segments that `demand`'s flow crosses.
    public func overloads(crossedBy demand: Identifier) -> [SegmentOverload] {
        overloaded.filter { $0.demands.contains(demand) }
    }
}

/// A link that several loaded segments share, each planned as if it had the link alone: together they ask for more
/// than the link's time, Σ load / key over them above 1.
public struct SharedLinkOverload: Sendable, Hashable {
    /// The link's id.
    public var link: Identifier
    /// The segments through it that carry load, in the order of `Plan.segments`.
    public var segments: [String]
    /// Σ load / key over those segments: the share of the link's time they need together.
    public var utilisation: Double

    public init(link: Identifier, segments: [String], utilisation: Double) {
        self.link = link
        self.segments = segments
        self.utilisation = utilisation
    }
}

/// A segment whose key the demands' scaled flows overdraw.
public struct SegmentOverload: Sendable, Hashable {
    /// The segment's place in `Plan.segments`.
    public var segmentIndex: Int
    /// The segment's id.
    public var segment: String
    /// The key the segment carries, bit/s.
    public var keyRateBps: Double
    /// The key the scaled flows take from it, bit/s.
    public var loadBps: Double
    /// The demands whose flows cross it, in the topology's order.
    public var demands: [Identifier]
    /// The key any routing must take from it, bit/s: the rates of the demands every path of which crosses it.
    public var forcedBps: Double
    /// Those demands, in the topology's order.
    public var forcedBy: [Identifier]

    public init(segmentIndex: Int, segment: String, keyRateBps: Double, loadBps: Double, demands: [Identifier],
                forcedBps: Double = 0, forcedBy: [Identifier] = []) {
        self.segmentIndex = segmentIndex
        self.segment = segment
        self.keyRateBps = keyRateBps
        self.loadBps = loadBps
        self.demands = demands
        self.forcedBps = forcedBps
        self.forcedBy = forcedBy
    }

    /// Whether every routing takes more key from the segment than it carries.
    public var isForced: Bool { forcedBps > keyRateBps * (1 + SharedCapacity.tolerance) }
}

extension SharedCapacity {
    /// A load counts as over a segment's key beyond this relative margin (a demand's own flow fills
    /// saturated segments to the last bits).
    static let tolerance = 1e-9

    /// At most this many searches prove that a segment is a bridge for a demand (each O(V + E)); overloads
    /// beyond them stay "not shown" rather than slow a re-plan down.
    static let bridgeSearchLimit = 64

    /// The shared capacity of `routed` demands (their plans, flows and ends in `graph`) over `graph`, whose edges are `segments`.
    /// - Complexity: O(S + F) for S segments and F edges carrying flow, summed over the demands, plus at most
    ///   `bridgeSearchLimit` searches of the key graph when segments are overloaded.
    init(routed: [(plan: DemandPlan, flow: MaxFlow.Flow?, ends: (Int, Int)?)], graph: KeyGraph, segments: [SegmentPlan]) {
        var load = [Double](repeating: 0, count: segments.count)
        // The rate each demand met alone is to get (its required one); the others take no part.
        let rates = routed.map { demand -> Double in
            guard demand.plan.satisfied, let flow = demand.flow, flow.value > 0 else { return 0 }
            return min(demand.plan.requiredBps, flow.value)
        }
        for (demand, rate) in zip(routed, rates) where rate > 0 {
            guard let flow = demand.flow else { continue }
            let scale = rate / flow.value
            for (edge, amount) in zip(flow.edges, flow.amounts) {
                load[graph.edgeSegment[edge]] += abs(amount) * scale
            }
        }
        let over = segments.indices.filter { load[$0] > segments[$0].keyRateBps * (1 + Self.tolerance) }
        var crossing = [Int: [Int]]()
        if !over.isEmpty {
            let overSet = Set(over)
            for (index, demand) in routed.enumerated() where rates[index] > 0 {
                guard let flow = demand.flow else { continue }
                for segment in Set(flow.edges.map { graph.edgeSegment[$0] }).intersection(overSet) {
                    crossing[segment, default: []].append(index)
                }
            }
        }
        var searches = 0
        self.init(loadBps: load, overloaded: over.map { segment in
            let demands = crossing[segment] ?? []
            var forced: [Int] = []
            for index in demands {
                guard searches < Self.bridgeSearchLimit else { break }
                guard let (source, target) = routed[index].ends else { continue }
                searches += 1
                // A bridge for the demand: without the segment's edges its ends are not joined.
                if !graph.reachable(from: source, through: { edge, _ in graph.edgeSegment[edge] != segment })[target] {
                    forced.append(index)
                }
            }
            return SegmentOverload(segmentIndex: segment, segment: segments[segment].id, keyRateBps: segments[segment].keyRateBps,
                                   loadBps: load[segment], demands: demands.map { routed[$0].plan.id },
                                   forcedBps: forced.reduce(0) { $0 + rates[$1] }, forcedBy: forced.map { routed[$0].plan.id })
        }, sharedLinks: Self.sharedLinks(load: load, segments: segments))
    }

    /// The links that several loaded segments of more than one link share, where those segments need more than the
    /// link's time: Σ load / key above 1 (each segment's key assumes the link is its alone).
    /// - Complexity: O(L) over the links of the loaded segments.
    static func sharedLinks(load: [Double], segments: [SegmentPlan]) -> [SharedLinkOverload] {
        var byLink: [Identifier: [Int]] = [:]
        var order: [Identifier] = []
        for index in segments.indices where load[index] > 0 && segments[index].links.count > 1 && segments[index].keyRateBps > 0 {
            for link in segments[index].links {
                if byLink[link] == nil { order.append(link) }
                byLink[link, default: []].append(index)
            }
        }
        return order.compactMap { link in
            guard let shared = byLink[link], shared.count > 1 else { return nil }
            let utilisation = shared.reduce(0) { $0 + load[$1] / segments[$1].keyRateBps }
            guard utilisation > 1 + tolerance else { return nil }
            return SharedLinkOverload(link: link, segments: shared.map { segments[$0].id }, utilisation: utilisation)
        }
    }
}

/// Whether every demand gets its required rate at the same time as the others.
public enum MetTogether: String, Sendable, Hashable {
    /// Every demand is met alone and the scaled flows fit every segment.
    case yes
    /// A demand is not met even alone, or a segment must carry more than it has in every routing.
    case no
    /// Every demand is met alone, but the scaled flows overdraw a segment that other routings might avoid.
    case notShown = "not shown"
}

extension Plan {
    /// Whether the demands are met together (`SharedCapacity`).
    public var demandsMetTogether: MetTogether {
        if demands.contains(where: { !$0.satisfied }) || sharedCapacity.provenShort { return .no }
        return sharedCapacity.scaledFlowsFit ? .yes : .notShown
    }
}

import QNetModel

/// Finds the link that limits a demand.
///
/// With key and an exact max flow: the nodes the source still reaches in the
/// residual graph form the source side of a minimum cut (max-flow min-cut
/// theorem, Ford and Fulkerson, Can. J. Math. 8, 399, 1956); the limiting
/// segment is the first segment of the best path that crosses that cut (every
/// path crosses it, and the segments across it are saturated). With
/// `max_trusted_nodes: 0` every path is one direct segment: they are the cut,
/// and the best one limits. When a larger `max_trusted_nodes` limits the flow
/// (a greedy lower bound, no cut theorem), it is the best path's narrowest
/// segment. Without key: the keyless segment leaving the source's side (with
/// `max_trusted_nodes: 0`, a direct one) with the largest margin (the least
/// loss to remove). Inside a segment of several links, the link with the most loss.
struct LimitingLinkFinder {
    let network: KeyNetwork
    /// The plan's links by id.
    let links: [Identifier: LinkPlan]

    /// The limiting link of a demand, with the indices of its segment and link.
    struct Found {
        var limiting: LimitingLink
        var segmentIndex: Int
        var linkIndex: Int
    }

    /// The limiting link of the demand routed as `routing`, whose paths may cross at most `limit` trusted
    /// nodes (nil: any number); nil when no segment leaves the source's side.
    func find(_ routing: KeyNetwork.Routing, limit: Int?) -> Found? {
        let graph = routing.graph
        let demand = routing.plan
        guard let (source, target) = graph.ends(from: demand.from, to: demand.to, nodeIndex: network.nodeIndex) else { return nil }
        let sourceSide = reachable(graph, from: source, flow: routing.flow)
        // As `DemandRouter` decides: a limit below the number of relaying nodes limits the paths.
        let limited = limit.map { $0 < graph.nodeCount - 2 } ?? false
        let direct = limited && limit == 0

        if let path = routing.path, !path.edges.isEmpty {
            let bottleneck = path.edges.min { graph.capacity[$0] < graph.capacity[$1] } ?? path.edges[0]
            if direct {
                let directEdges = (0..<graph.edgeCount).filter { Set([graph.edgeFrom[$0], graph.edgeTo[$0]]) == [source, target] }
                return describe(graph.edgeSegment[bottleneck], cut: directEdges.map { graph.edgeSegment[$0] },
                                basis: "max_trusted_nodes = 0: the direct segments are the cut; the best of them")
            }
            guard !limited, routing.flow != nil else {
                return describe(graph.edgeSegment[bottleneck], cut: [graph.edgeSegment[bottleneck]],
                                basis: "max_trusted_nodes limits the flow (a greedy lower bound): the best path's narrowest segment")
            }
            let crossing = (0..<graph.edgeCount).filter { edge in
                let (a, b) = (graph.edgeFrom[edge], graph.edgeTo[edge])
                return sourceSide[a] != sourceSide[b] && graph.mayLeave(sourceSide[a] ? a : b, source: source)
            }
            let onPath = path.edges.first { edge in crossing.contains(edge) } ?? bottleneck
            return describe(graph.edgeSegment[onPath], cut: crossing.map { graph.edgeSegment[$0] },
                            basis: "on the best path and in a minimum cut of the max flow")
        }

        // No key: the keyless segments from the source's side to a node that can take the key further.
        let segments = network.segments
        let keyless = segments.indices.filter { index in
            let segment = segments[index]
            guard segment.keyRateBps <= 0, let a = network.nodeIndex[segment.from], let b = network.nodeIndex[segment.to] else {
                return false
            }
            let (u, v) = (graph.compactIndex[a], graph.compactIndex[b])
            if direct { return Set([u, v]) == [source, target] }
            guard u >= 0, v >= 0, sourceSide[u] != sourceSide[v] else { return false }
            let (inside, outside) = sourceSide[u] ? (u, v) : (v, u)
            return graph.mayLeave(inside, source: source) && (outside == target || graph.canRelay[outside])
        }
        let nearest = keyless.max { (segments[$0].marginDB ?? -.infinity) < (segments[$1].marginDB ?? -.infinity) }
        guard let nearest else { return nil }
        return describe(nearest, cut: keyless,
                        basis: "no key: of the keyless segments leaving the source's side, the one with the least loss to remove")
    }

    /// The key-graph nodes the source reaches through residual capacity (through relaying nodes only).
    private func reachable(_ graph: KeyGraph, from source: Int, flow: MaxFlow.Flow?) -> [Bool] {
        let largest = graph.capacity.max() ?? 0
        return graph.reachable(from: source) { edge, u in
            let forward = (flow?.amount(on: edge) ?? 0) * (graph.edgeFrom[edge] == u ? 1 : -1)
            return graph.capacity[edge] - forward > largest * 1e-12
        }
    }

    /// The other segments of the best path of `routing` that carry as little key as the limiting one of
    /// `found` (to 1e-9), each with its link of most loss: where they exist, the rate has a kink.
    func tied(with found: Found, in routing: KeyNetwork.Routing) -> [(segmentIndex: Int, linkIndex: Int)] {
        let rate = network.segments[found.segmentIndex].keyRateBps
        guard rate > 0, let path = routing.path else { return [] }
        // One entry per link, the limiting link's own left out: a link in two segments (a relay's hub link) is changed once.
        var links: Set<Int> = [found.linkIndex]
        return path.edges.map { routing.graph.edgeSegment[$0] }.filter { $0 != found.segmentIndex }.compactMap { segment in
            guard abs(network.segments[segment].keyRateBps - rate) <= 1e-9 * rate, let link = mostLoss(in: segment),
                  links.insert(link.index).inserted else { return nil }
            return (segment, link.index)
        }
    }

    /// The link of a segment with the most loss, and its index.
    func mostLoss(in segmentIndex: Int) -> (plan: LinkPlan, index: Int)? {
        let plans = network.segments[segmentIndex].links.compactMap { links[$0] }
        guard let link = plans.max(by: { $0.lossDB < $1.lossDB }), let index = network.linkIndex[link.id] else { return nil }
        return (link, index)
    }

    private func describe(_ segmentIndex: Int, cut: [Int], basis: String) -> Found? {
        let segments = network.segments
        let segment = segments[segmentIndex]
        guard let (link, linkIndex) = mostLoss(in: segmentIndex) else { return nil }
        let limiting = LimitingLink(segment: segment.id, link: link.id, cutSegments: cut.map { segments[$0].id },
                                    largestLoss: link.lossBudget.max { $0.db < $1.db }, lossDB: link.lossDB,
                                    segmentRateBps: segment.keyRateBps, marginDB: segment.marginDB,
                                    noKeyReason: segment.noKeyReason, basis: basis)
        return Found(limiting: limiting, segmentIndex: segmentIndex, linkIndex: linkIndex)
    }
}

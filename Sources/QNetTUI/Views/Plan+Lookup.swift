import QNetModel
import QNetPlanner

extension Plan {
    /// The plan of `topology.links[index]` (whose id is `id`): at the same index, as the planner
    /// lists links in the topology's order, else found by id. - Complexity: O(1), else O(links)
    func linkPlan(at index: Int, id: Identifier) -> LinkPlan? {
        links.indices.contains(index) && links[index].id == id ? links[index] : links.first { $0.id == id }
    }

    /// The state of `topology.links[index]` (whose id is `id`), read in place: the map colours thousands of links.
    func linkState(at index: Int, id: Identifier) -> LinkState {
        guard links.indices.contains(index), links[index].id == id else { return LinkState(linkPlan(at: index, id: id)) }
        return LinkState(keyRateBps: links[index].keyRateBps, marginDB: links[index].marginDB, unlimited: links[index].marginUnlimited)
    }

    /// The plan of `topology.demands[index]` (whose id is `id`), as `linkPlan(at:id:)`.
    func demandPlan(at index: Int, id: Identifier) -> DemandPlan? {
        demands.indices.contains(index) && demands[index].id == id ? demands[index] : demands.first { $0.id == id }
    }
}

/// The what-ifs of every demand of a plan and the network's N−1 survivability.
public struct WhatIfAnalysis: Sendable, Hashable {
    /// One entry per demand of the plan, in the same order.
    public var demands: [DemandWhatIf]
    /// Which single failures break which demands.
    public var survivability: Survivability

    public init(demands: [DemandWhatIf], survivability: Survivability) {
        self.demands = demands
        self.survivability = survivability
    }

    /// The what-ifs of the plan's demand at `index`; nil when there is none.
    public func demand(at index: Int) -> DemandWhatIf? {
        demands.indices.contains(index) ? demands[index] : nil
    }
}

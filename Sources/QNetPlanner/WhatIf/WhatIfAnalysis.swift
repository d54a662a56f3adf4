/// The what-ifs of every demand of a plan and the network's N−1 survivability.
public struct WhatIfAnalysis: Sendable, Hashable {
    /// One entry per demand of the plan, in the same order.
    public var demands: [DemandWhatIf]
    /// Which single failures break which demands.
    public var survivability: Survivability
    /// What would let each segment overdrawn in every routing carry the key its demands must take (the first
    /// `OverdrawRemedy.limit` of them, in the plan's order).
    public var overdrawn: [OverdrawRemedy]

    public init(demands: [DemandWhatIf], survivability: Survivability, overdrawn: [OverdrawRemedy] = []) {
        self.demands = demands
        self.survivability = survivability
        self.overdrawn = overdrawn
    }

    /// The what-ifs of the plan's demand at `index`; nil when there is none.
    public func demand(at index: Int) -> DemandWhatIf? {
        demands.indices.contains(index) ? demands[index] : nil
    }
}

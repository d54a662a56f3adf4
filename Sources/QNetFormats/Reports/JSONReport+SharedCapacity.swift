import QNetPlanner

extension JSONReport {
    /// Whether the demands fit the segments' key together (`SharedCapacity`): `met_together` (`yes`, `no`,
    /// `not shown`), `scaled_flows_fit`, and the segments their scaled max flows overdraw.
    struct SharedCapacityEntry: Encodable {
        let plan: Plan

        enum Keys: String, CodingKey {
            case metTogether = "met_together", scaledFlowsFit = "scaled_flows_fit", overloadedSegments = "overloaded_segments"
            case overloadedLinks = "overloaded_links"
        }

        func encode(to encoder: any Encoder) throws {
            let shared = plan.sharedCapacity
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(plan.demandsMetTogether.rawValue, forKey: .metTogether)
            try container.encode(shared.scaledFlowsFit, forKey: .scaledFlowsFit)
            try container.encode(shared.overloaded.map(OverloadEntry.init), forKey: .overloadedSegments)
            try container.encode(shared.sharedLinks.map(SharedLinkEntry.init), forKey: .overloadedLinks)
        }
    }

    /// A segment the demands' scaled max flows overdraw.
    struct OverloadEntry: Encodable {
        let overload: SegmentOverload

        enum Keys: String, CodingKey {
            case segment, keyRateBps = "key_rate_bps", loadBps = "load_bps", demands
            case forcedBps = "forced_bps", forcedBy = "forced_by"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(overload.segment, forKey: .segment)
            try container.encode(overload.keyRateBps, forKey: .keyRateBps)
            try container.encode(overload.loadBps, forKey: .loadBps)
            try container.encode(overload.demands.map(\.rawValue), forKey: .demands)
            try container.encode(overload.forcedBps, forKey: .forcedBps)
            try container.encode(overload.forcedBy.map(\.rawValue), forKey: .forcedBy)
        }
    }

    /// A link several loaded segments share, whose segments need more than its time.
    struct SharedLinkEntry: Encodable {
        let shared: SharedLinkOverload

        enum Keys: String, CodingKey { case link, segments, utilisation }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(shared.link.rawValue, forKey: .link)
            try container.encode(shared.segments, forKey: .segments)
            try container.encode(shared.utilisation, forKey: .utilisation)
        }
    }
}

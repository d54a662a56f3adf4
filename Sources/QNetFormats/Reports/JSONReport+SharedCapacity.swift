import QNetPlanner

extension JSONReport {
    /// Whether the demands fit the segments' key together (`SharedCapacity`): `met_together` (`yes`, `no`,
    /// `not shown`), `scaled_flows_fit`, and the segments their scaled max flows overdraw.
    struct SharedCapacityEntry: Encodable {
        let plan: Plan
        /// The what-ifs' remedies of the forced overloads; nil without what-ifs.
        var remedies: [OverdrawRemedy]? = nil

        enum Keys: String, CodingKey {
            case metTogether = "met_together", scaledFlowsFit = "scaled_flows_fit", overloadedSegments = "overloaded_segments"
            case overloadedLinks = "overloaded_links"
        }

        func encode(to encoder: any Encoder) throws {
            let shared = plan.sharedCapacity
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(plan.demandsMetTogether.rawValue, forKey: .metTogether)
            try container.encode(shared.scaledFlowsFit, forKey: .scaledFlowsFit)
            let remedies = Dictionary((remedies ?? []).map { ($0.segment, $0) }, uniquingKeysWith: { first, _ in first })
            try container.encode(shared.overloaded.map { OverloadEntry(overload: $0, remedy: remedies[$0.segment]) },
                                 forKey: .overloadedSegments)
            try container.encode(shared.sharedLinks.map(SharedLinkEntry.init), forKey: .overloadedLinks)
        }
    }

    /// A segment the demands' scaled max flows overdraw.
    struct OverloadEntry: Encodable {
        let overload: SegmentOverload
        /// The changes that raise its key (a forced overload's, with what-ifs); nil otherwise.
        let remedy: OverdrawRemedy?

        enum Keys: String, CodingKey {
            case segment, keyRateBps = "key_rate_bps", loadBps = "load_bps", demands
            case forcedBps = "forced_bps", forcedBy = "forced_by", changes, changedLink = "changed_link"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(overload.segment, forKey: .segment)
            try container.encode(overload.keyRateBps, forKey: .keyRateBps)
            try container.encode(overload.loadBps, forKey: .loadBps)
            try container.encode(overload.demands.map(\.rawValue), forKey: .demands)
            try container.encode(overload.forcedBps, forKey: .forcedBps)
            try container.encode(overload.forcedBy.map(\.rawValue), forKey: .forcedBy)
            try container.encode(remedy?.link.rawValue, forKey: .changedLink)
            try container.encode(remedy?.changes.map(SegmentChangeEntry.init), forKey: .changes)
        }
    }

    /// A change of an overdrawn segment's link, with the key it gives between the segment's ends.
    struct SegmentChangeEntry: Encodable {
        let change: SegmentChange

        enum Keys: String, CodingKey {
            case kind, summary, changes, keyRateBps = "key_rate_bps", coversNeed = "covers_forced_bps", lowers
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(change.kind.rawValue, forKey: .kind)
            try container.encode(change.summary, forKey: .summary)
            try container.encode(change.changes, forKey: .changes)
            try container.encode(change.keyRateBps, forKey: .keyRateBps)
            try container.encode(change.coversNeed, forKey: .coversNeed)
            try container.encode(change.lowers.map(SideEffectEntry.init), forKey: .lowers)
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

import QNetModel
import QNetPlanner

/// The what-if additions of the JSON report: `what_if` under each demand and
/// the network's `survivability`. Rates in bit/s, losses in dB; absent values are `null`.
extension JSONReport {
    struct WhatIfEntry: Encodable {
        let whatIf: DemandWhatIf
        enum Keys: String, CodingKey {
            case rateBps = "rate_bps", limiting, trustedNodeLimit = "trusted_node_limit", endpointBarrier = "endpoint_barrier"
            case unlinkedEnds = "unlinked_ends"
            case sensitivity, breaksOn = "breaks_on"
            case suggestions, costliestSurvived = "costliest_survived_failure"
            case costliestSurvivedIsExact = "costliest_survived_failure_exact"
            case newLinkWithoutKey = "new_link_without_key"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(whatIf.rateBps, forKey: .rateBps)
            try container.encode(whatIf.limiting.map(LimitingEntry.init), forKey: .limiting)
            try container.encode(whatIf.trustedNodeLimit.map(TrustedNodeLimitEntry.init), forKey: .trustedNodeLimit)
            try container.encode(whatIf.endpointBarrier.map(EndpointBarrierEntry.init), forKey: .endpointBarrier)
            try container.encode(whatIf.unlinkedEnds.map(\.rawValue), forKey: .unlinkedEnds)
            try container.encode(whatIf.sensitivity.map(SensitivityEntry.init), forKey: .sensitivity)
            try container.encode(whatIf.breaksOn.map(FailureEntry.init), forKey: .breaksOn)
            try container.encode(whatIf.costliestSurvived.map(FailureEntry.init), forKey: .costliestSurvived)
            try container.encode(whatIf.costliestSurvived.map { _ in whatIf.costliestSurvivedIsExact }, forKey: .costliestSurvivedIsExact)
            try container.encode(whatIf.suggestions.map(SuggestionEntry.init), forKey: .suggestions)
            try container.encode(whatIf.newLinkWithoutKey.map(NewLinkWithoutKeyEntry.init), forKey: .newLinkWithoutKey)
        }
    }

    struct NewLinkWithoutKeyEntry: Encodable {
        let link: NewLinkWithoutKey
        enum Keys: String, CodingKey {
            case from, to, distanceM = "distance_m", equippedAs = "equipped_as", reachM = "reach_m"
            case noKeyReason = "no_key_reason", longestAcceptedM = "longest_accepted_m", reason
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(link.from.rawValue, forKey: .from)
            try container.encode(link.to.rawValue, forKey: .to)
            try container.encode(link.distanceMeters, forKey: .distanceM)
            try container.encode(link.equippedAs.rawValue, forKey: .equippedAs)
            try container.encode(link.reachMeters, forKey: .reachM)
            try container.encode(link.noKeyReason, forKey: .noKeyReason)
            try container.encode(link.longestAcceptedMeters, forKey: .longestAcceptedM)
            try container.encode(link.reason, forKey: .reason)
        }
    }

    struct LimitingEntry: Encodable {
        let limiting: LimitingLink
        enum Keys: String, CodingKey {
            case segment, link, cutSegments = "cut_segments", largestLoss = "largest_loss", lossDB = "loss_db"
            case segmentRateBps = "segment_key_rate_bps", marginDB = "margin_db", noKeyReason = "no_key_reason", basis
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(limiting.segment, forKey: .segment)
            try container.encode(limiting.link.rawValue, forKey: .link)
            try container.encode(limiting.cutSegments, forKey: .cutSegments)
            try container.encode(limiting.largestLoss.map(BudgetEntry.init), forKey: .largestLoss)
            try container.encode(limiting.lossDB, forKey: .lossDB)
            try container.encode(limiting.segmentRateBps, forKey: .segmentRateBps)
            try container.encode(limiting.marginDB, forKey: .marginDB)
            try container.encode(limiting.noKeyReason, forKey: .noKeyReason)
            try container.encode(limiting.basis, forKey: .basis)
        }
    }

    struct TrustedNodeLimitEntry: Encodable {
        let limit: TrustedNodeLimit
        enum Keys: String, CodingKey { case limit = "max_trusted_nodes", needed = "fewest_trusted_nodes_with_key", path }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(limit.limit, forKey: .limit)
            try container.encode(limit.needed, forKey: .needed)
            try container.encode(limit.path.map(\.rawValue), forKey: .path)
        }
    }

    struct EndpointBarrierEntry: Encodable {
        let barrier: EndpointBarrier
        enum Keys: String, CodingKey { case endpoints, pathBps = "path_bps", reason }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(barrier.endpoints.map(\.rawValue), forKey: .endpoints)
            try container.encode(barrier.pathBps, forKey: .pathBps)
            try container.encode(barrier.reason, forKey: .reason)
        }
    }

    struct SensitivityEntry: Encodable {
        let sensitivity: Sensitivity
        enum Keys: String, CodingKey {
            case link, perDB = "bps_per_db", perKm = "bps_per_km", perPercent = "bps_per_percent_detector_efficiency"
            case steps, schemes
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            let derivatives = [("db", sensitivity.perDB), ("km", sensitivity.perKm), ("percent", sensitivity.perPercentEfficiency)]
                .compactMap { name, derivative in derivative.map { (name, $0) } }
            try container.encode(sensitivity.link.rawValue, forKey: .link)
            try container.encode(sensitivity.perDB.bpsPerUnit, forKey: .perDB)
            try container.encode(sensitivity.perKm?.bpsPerUnit, forKey: .perKm)
            try container.encode(sensitivity.perPercentEfficiency.bpsPerUnit, forKey: .perPercent)
            try container.encode(Dictionary(uniqueKeysWithValues: derivatives.map { ($0.0, $0.1.step) }), forKey: .steps)
            try container.encode(Dictionary(uniqueKeysWithValues: derivatives.map { ($0.0, $0.1.scheme) }), forKey: .schemes)
        }
    }

    struct FailureEntry: Encodable {
        let impact: FailureImpact
        enum Keys: String, CodingKey { case failure, id, remainingBps = "remaining_bps" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(impact.failure.kind, forKey: .failure)
            try container.encode(impact.failure.id.rawValue, forKey: .id)
            try container.encode(impact.remainingBps, forKey: .remainingBps)
        }
    }

    struct SuggestionEntry: Encodable {
        let suggestion: Suggestion
        enum Keys: String, CodingKey {
            case kind, summary, changes, rateBps = "rate_bps", satisfied, lowers, requires = "requires_max_trusted_nodes"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(suggestion.kind.rawValue, forKey: .kind)
            try container.encode(suggestion.summary, forKey: .summary)
            try container.encode(suggestion.changes, forKey: .changes)
            try container.encode(suggestion.rateBps, forKey: .rateBps)
            try container.encode(suggestion.satisfied, forKey: .satisfied)
            try container.encode(suggestion.lowers.map(SideEffectEntry.init), forKey: .lowers)
            try container.encode(suggestion.requires?.to, forKey: .requires)
        }
    }

    struct SideEffectEntry: Encodable {
        let effect: SideEffect
        enum Keys: String, CodingKey { case demand, beforeBps = "before_bps", afterBps = "after_bps", satisfied }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(effect.demand.rawValue, forKey: .demand)
            try container.encode(effect.beforeBps, forKey: .beforeBps)
            try container.encode(effect.afterBps, forKey: .afterBps)
            try container.encode(effect.satisfied, forKey: .satisfied)
        }
    }

    struct SurvivabilityEntry: Encodable {
        let survivability: Survivability
        enum Keys: String, CodingKey {
            case scope, failuresChecked = "failures_checked", breakingFailures = "breaking_failures"
            case survivingDemands = "surviving_demands"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(survivability.scope, forKey: .scope)
            try container.encode(survivability.failuresChecked, forKey: .failuresChecked)
            try container.encode(survivability.failures.map(EffectEntry.init), forKey: .breakingFailures)
            try container.encode(survivability.surviving.map(\.rawValue), forKey: .survivingDemands)
        }
    }

    struct EffectEntry: Encodable {
        let effect: Survivability.Effect
        enum Keys: String, CodingKey { case failure, id, breaks }
        enum BrokenKeys: String, CodingKey { case demand, remainingBps = "remaining_bps" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(effect.failure.kind, forKey: .failure)
            try container.encode(effect.failure.id.rawValue, forKey: .id)
            var breaks = container.nestedUnkeyedContainer(forKey: .breaks)
            for broken in effect.broken {
                var entry = breaks.nestedContainer(keyedBy: BrokenKeys.self)
                try entry.encode(broken.demand.rawValue, forKey: .demand)
                try entry.encode(broken.remainingBps, forKey: .remainingBps)
            }
        }
    }
}

import Foundation
import QNetModel
import QNetPlanner

/// The machine-readable report (`qnet_report: 1`), whose fields are fixed by
/// `topology-format.md`: rates in bit/s, losses in dB, ratios in 0...1.
/// Fields beyond those are added, never renamed. Absent values are `null`.
public enum JSONReport {
    /// The version of the report's fields.
    public static let version = 1

    /// The report as pretty-printed JSON with sorted keys; `what_if` and `survivability` are `null` without `whatIf`.
    public static func render(_ plan: Plan, of topology: Topology, whatIf: WhatIfAnalysis? = nil) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(plan: plan, topology: topology, whatIf: whatIf)
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else {
            // Only non-finite numbers make JSONEncoder fail, and a Plan never holds them.
            preconditionFailure("a Plan holds only finite numbers")
        }
        return text + "\n"
    }

    struct Document: Encodable {
        let plan: Plan
        let topology: Topology
        let whatIf: WhatIfAnalysis?

        enum Keys: String, CodingKey {
            case qnetReport = "qnet_report", topology, description, sources, links, segments, demands, diagnostics
            case survivability, sharedCapacity = "shared_capacity"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(JSONReport.version, forKey: .qnetReport)
            try container.encode(plan.topologyName, forKey: .topology)
            try container.encode(topology.description, forKey: .description)
            try container.encode(topology.sources, forKey: .sources)
            try container.encode(plan.links.map(LinkEntry.init), forKey: .links)
            let loads = plan.sharedCapacity.loadBps
            try container.encode(plan.segments.enumerated().map { SegmentEntry(segment: $1, demandLoadBps: $0 < loads.count ? loads[$0] : 0) },
                                 forKey: .segments)
            try container.encode(plan.demands.enumerated().map { DemandEntry(demand: $1, whatIf: whatIf?.demand(at: $0)) },
                                 forKey: .demands)
            try container.encode(plan.diagnostics.map(DiagnosticEntry.init), forKey: .diagnostics)
            try container.encode(whatIf.map { SurvivabilityEntry(survivability: $0.survivability) }, forKey: .survivability)
            try container.encode(SharedCapacityEntry(plan: plan, remedies: whatIf?.overdrawn), forKey: .sharedCapacity)
        }
    }

    struct LinkEntry: Encodable {
        let link: LinkPlan

        enum Keys: String, CodingKey {
            case id, medium, `protocol`, lossDB = "loss_db", transmittance, lossBudget = "loss_budget"
            case detectorBudget = "detector_budget", qber, qberBudget = "qber_budget", keyRateBps = "key_rate_bps"
            case keyPerPulse = "key_per_pulse", signalIntensity = "signal_intensity"
            case repetitionRateHz = "repetition_rate_hz", plobBoundBps = "plob_bound_bps", marginDB = "margin_db"
            case keyOnlyWhileInView = "key_only_while_in_view"
            case plobUnlimited = "plob_unlimited", marginUnlimited = "margin_unlimited", noKeyReason = "no_key_reason", assumptions, pass, cvQKD = "cv_qkd", finiteKey = "finite_key", diagnostics
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(link.id.rawValue, forKey: .id)
            try container.encode(link.medium.rawValue, forKey: .medium)
            try container.encode(link.protocolKind.rawValue, forKey: .protocol)
            try container.encode(link.lossDB, forKey: .lossDB)
            try container.encode(link.transmittance, forKey: .transmittance)
            try container.encode(link.lossBudget.map(BudgetEntry.init), forKey: .lossBudget)
            try container.encode(link.detector.map(DetectorEntry.init), forKey: .detectorBudget)
            try container.encode(link.qber?.total, forKey: .qber)
            try container.encode(link.qber.map(QBEREntry.init), forKey: .qberBudget)
            try container.encode(link.keyRateBps, forKey: .keyRateBps)
            try container.encode(link.keyOnlyWhileInView, forKey: .keyOnlyWhileInView)
            try container.encode(link.keyPerPulse, forKey: .keyPerPulse)
            try container.encode(link.signalIntensity, forKey: .signalIntensity)
            try container.encode(link.repetitionRateHz, forKey: .repetitionRateHz)
            try container.encode(link.plobBoundBps, forKey: .plobBoundBps)
            try container.encode(link.plobUnlimited, forKey: .plobUnlimited)
            try container.encode(link.marginDB, forKey: .marginDB)
            try container.encode(link.marginUnlimited, forKey: .marginUnlimited)
            try container.encode(link.noKeyReason, forKey: .noKeyReason)
            try container.encode(link.assumptions.map(AssumptionEntry.init), forKey: .assumptions)
            try container.encode(link.pass.map(PassEntry.init), forKey: .pass)
            try container.encode(link.continuousVariable.map(CVQKDEntry.init), forKey: .cvQKD)
            try container.encode(link.finiteKey.map(FiniteKeyEntry.init), forKey: .finiteKey)
            try container.encode(link.diagnostics.map(DiagnosticEntry.init), forKey: .diagnostics)
        }
    }

    struct BudgetEntry: Encodable {
        let line: BudgetLine
        enum Keys: String, CodingKey { case item, db, basis }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(line.item, forKey: .item)
            try container.encode(line.db, forKey: .db)
            try container.encode(line.basis, forKey: .basis)
        }
    }

    struct DetectorEntry: Encodable {
        let budget: DetectorBudget
        enum Keys: String, CodingKey {
            case windowFraction = "window_fraction", darkProbability = "dark_probability_per_window"
            case effectiveEfficiency = "effective_efficiency", maxRepetitionRate = "max_repetition_rate_hz"
            case detectorEfficiency = "detector_efficiency", window = "window_s", jitter = "jitter_fwhm_s"
            case totalJitter = "total_jitter_fwhm_s", interSymbol = "inter_symbol_fraction"
            case background = "background_probability_per_window", afterpulse = "afterpulse_probability_per_window"
            case countRate = "count_rate_hz", deadTimeFactor = "dead_time_factor", basis
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(budget.windowFraction, forKey: .windowFraction)
            try container.encode(budget.darkProbabilityPerWindow, forKey: .darkProbability)
            try container.encode(budget.effectiveEfficiency, forKey: .effectiveEfficiency)
            try container.encode(budget.maxRepetitionRateHz, forKey: .maxRepetitionRate)
            try container.encode(budget.detectorEfficiency, forKey: .detectorEfficiency)
            try container.encode(budget.windowSeconds, forKey: .window)
            try container.encode(Dictionary(uniqueKeysWithValues: budget.jitterTerms.map { ($0.name, $0.fwhm) }),
                                 forKey: .jitter)
            try container.encode(budget.totalJitterFWHM, forKey: .totalJitter)
            try container.encode(budget.interSymbolFraction, forKey: .interSymbol)
            try container.encode(budget.backgroundProbabilityPerWindow, forKey: .background)
            try container.encode(budget.afterpulseProbabilityPerWindow, forKey: .afterpulse)
            try container.encode(budget.countRateHz, forKey: .countRate)
            try container.encode(budget.deadTimeFactor, forKey: .deadTimeFactor)
            let bases = PlanFigures.detector(budget).compactMap { row in row.figure.basis.map { (row.key, $0) } }
            try container.encode(Dictionary(bases, uniquingKeysWith: { first, _ in first }), forKey: .basis)
        }
    }

    struct QBEREntry: Encodable {
        let budget: QBERBudget
        enum Keys: String, CodingKey {
            case misalignment, darkAndBackground = "dark_and_background", afterpulsing, timing
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(budget.misalignment, forKey: .misalignment)
            try container.encode(budget.darkAndBackground, forKey: .darkAndBackground)
            try container.encode(budget.afterpulsing, forKey: .afterpulsing)
            try container.encode(budget.timing, forKey: .timing)
        }
    }

    struct AssumptionEntry: Encodable {
        let assumption: Assumption
        enum Keys: String, CodingKey { case name, value, basis }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(assumption.name, forKey: .name)
            try container.encode(assumption.value, forKey: .value)
            try container.encode(assumption.basis, forKey: .basis)
        }
    }

    struct SegmentEntry: Encodable {
        let segment: SegmentPlan
        /// The key the demands' scaled max flows take from the segment (`SharedCapacity`).
        let demandLoadBps: Double
        enum Keys: String, CodingKey {
            case id, nodes, links, `protocol`, keyRateBps = "key_rate_bps", keyWhileInViewBps = "key_while_in_view_bps"
            case plobBoundBps = "plob_bound_bps", fidelity, keyPerPass = "key_per_pass_bits", keyPerDay = "key_per_day_bits", marginDB = "margin_db"
            case plobUnlimited = "plob_unlimited", marginUnlimited = "margin_unlimited", noKeyReason = "no_key_reason", repeater, twinField = "twin_field", keyBudget = "key_budget"
            case demandLoadBps = "demand_load_bps", diagnostics
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(segment.id, forKey: .id)
            try container.encode(segment.nodes.map(\.rawValue), forKey: .nodes)
            try container.encode(segment.links.map(\.rawValue), forKey: .links)
            try container.encode(segment.protocolKind.rawValue, forKey: .protocol)
            try container.encode(segment.keyRateBps, forKey: .keyRateBps)
            try container.encode(segment.keyWhileInViewBps, forKey: .keyWhileInViewBps)
            try container.encode(segment.plobBoundBps, forKey: .plobBoundBps)
            try container.encode(segment.plobUnlimited, forKey: .plobUnlimited)
            try container.encode(segment.fidelity, forKey: .fidelity)
            try container.encode(segment.keyPerPassBits, forKey: .keyPerPass)
            try container.encode(segment.keyPerDayBits, forKey: .keyPerDay)
            try container.encode(segment.marginDB, forKey: .marginDB)
            try container.encode(segment.marginUnlimited, forKey: .marginUnlimited)
            try container.encode(segment.noKeyReason, forKey: .noKeyReason)
            try container.encode(segment.repeater.map(RepeaterEntry.init), forKey: .repeater)
            try container.encode(segment.twinField.map(TwinFieldEntry.init), forKey: .twinField)
            try container.encode(segment.keyBudget.map(KeyBudgetEntry.init), forKey: .keyBudget)
            try container.encode(demandLoadBps, forKey: .demandLoadBps)
            try container.encode(segment.diagnostics.map(DiagnosticEntry.init), forKey: .diagnostics)
        }
    }

    struct RepeaterEntry: Encodable {
        let chain: RepeaterChainPlan
        enum Keys: String, CodingKey {
            case attemptSuccess = "attempt_success", elementaryFidelity = "elementary_fidelity"
            case swapSuccess = "swap_success", meanRounds = "mean_rounds", roundSeconds = "round_s"
            case meanTimeSeconds = "mean_time_s", storageSeconds = "storage_s", secretFraction = "secret_fraction"
            case assumptions, heralding, brightStatePopulation = "bright_state_population"
            case successPerRound = "success_per_round", modes, modesPerRound = "modes_per_round", cutoffSeconds = "cutoff_s", cutoffSurvival = "cutoff_survival"
            case purificationRounds = "purification_rounds", bitErrorRate = "bit_error_rate", phaseErrorRate = "phase_error_rate"
            case sixStateFraction = "six_state_fraction", sixStateKeyRateBps = "six_state_key_rate_bps"
            case distanceTable = "distance_table", beatsPLOBAtKm = "beats_plob_at_km"
            case beatsTrustedChainAtKm = "beats_trusted_chain_at_km", trustedChainSources = "trusted_chain_sources"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(chain.heralding, forKey: .heralding)
            try container.encode(chain.brightStatePopulation, forKey: .brightStatePopulation)
            try container.encode(chain.successPerRound, forKey: .successPerRound)
            try container.encode(chain.modes, forKey: .modes)
            try container.encode(chain.modesPerRound, forKey: .modesPerRound)
            try container.encode(chain.cutoffSeconds, forKey: .cutoffSeconds)
            try container.encode(chain.cutoffSurvival, forKey: .cutoffSurvival)
            try container.encode(chain.purificationRounds, forKey: .purificationRounds)
            try container.encode(chain.bitErrorRate, forKey: .bitErrorRate)
            try container.encode(chain.phaseErrorRate, forKey: .phaseErrorRate)
            try container.encode(chain.sixStateFraction, forKey: .sixStateFraction)
            try container.encode(chain.sixStateKeyRateBps, forKey: .sixStateKeyRateBps)
            try container.encode(chain.sweep.map(SweepEntry.init), forKey: .distanceTable)
            try container.encode(chain.beatsPLOBAtMeters.map { $0 / 1000 }, forKey: .beatsPLOBAtKm)
            try container.encode(chain.beatsTrustedChainAtMeters.map { $0 / 1000 }, forKey: .beatsTrustedChainAtKm)
            try container.encode(chain.trustedChainSources, forKey: .trustedChainSources)
            try container.encode(chain.attemptSuccess, forKey: .attemptSuccess)
            try container.encode(chain.elementaryFidelity, forKey: .elementaryFidelity)
            try container.encode(chain.swapSuccess, forKey: .swapSuccess)
            try container.encode(chain.meanRounds, forKey: .meanRounds)
            try container.encode(chain.roundSeconds, forKey: .roundSeconds)
            try container.encode(chain.meanTimeSeconds, forKey: .meanTimeSeconds)
            try container.encode(chain.storageSeconds, forKey: .storageSeconds)
            try container.encode(chain.secretFraction, forKey: .secretFraction)
            try container.encode(chain.assumptions.map(AssumptionEntry.init), forKey: .assumptions)
        }
    }

    struct SweepEntry: Encodable {
        let point: RepeaterSweepPoint
        enum Keys: String, CodingKey {
            case lengthKm = "length_km", planned, keyRateBps = "key_rate_bps", fidelity, plobBoundBps = "plob_bound_bps"
            case trustedChainBps = "trusted_chain_bps"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(point.lengthMeters / 1000, forKey: .lengthKm)
            try container.encode(point.isPlanned, forKey: .planned)
            try container.encode(point.keyRateBps, forKey: .keyRateBps)
            try container.encode(point.fidelity, forKey: .fidelity)
            try container.encode(point.plobBoundBps, forKey: .plobBoundBps)
            try container.encode(point.trustedChainBps, forKey: .trustedChainBps)
        }
    }

    struct DemandEntry: Encodable {
        let demand: DemandPlan
        let whatIf: DemandWhatIf?
        enum Keys: String, CodingKey {
            case id, between, requiredBps = "required_bps", bestPath = "best_path", bestPathBps = "best_path_bps"
            case bestPathSegments = "best_path_segments", maxFlowBps = "max_flow_bps"
            case maxFlowIsExact = "max_flow_exact", trustedNodes = "trusted_nodes"
            case flowTrustedNodes = "flow_trusted_nodes", satisfied, fallback, bottleneck = "bottleneck_segment", note
            case whatIf = "what_if"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(demand.id.rawValue, forKey: .id)
            try container.encode([demand.from.rawValue, demand.to.rawValue], forKey: .between)
            try container.encode(demand.requiredBps, forKey: .requiredBps)
            try container.encode(demand.bestPath.map(\.rawValue), forKey: .bestPath)
            try container.encode(demand.bestPathBps, forKey: .bestPathBps)
            try container.encode(demand.bestPathSegments, forKey: .bestPathSegments)
            try container.encode(demand.maxFlowBps, forKey: .maxFlowBps)
            try container.encode(demand.maxFlowIsExact, forKey: .maxFlowIsExact)
            try container.encode(demand.trustedNodes.map(\.rawValue), forKey: .trustedNodes)
            try container.encode(demand.flowTrustedNodes.map(\.rawValue), forKey: .flowTrustedNodes)
            try container.encode(demand.satisfied, forKey: .satisfied)
            try container.encode(demand.fallback, forKey: .fallback)
            try container.encode(demand.bottleneckSegment, forKey: .bottleneck)
            try container.encode(demand.note, forKey: .note)
            try container.encode(whatIf.map(WhatIfEntry.init), forKey: .whatIf)
        }
    }

    struct DiagnosticEntry: Encodable {
        let diagnostic: Diagnostic
        enum Keys: String, CodingKey { case severity, message, keyPath = "key_path" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(diagnostic.severity.rawValue, forKey: .severity)
            try container.encode(diagnostic.message, forKey: .message)
            try container.encode(diagnostic.keyPath, forKey: .keyPath)
        }
    }
}

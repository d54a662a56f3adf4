import QNetModel

/// One elementary link of a repeater chain, as the chain planner reads it.
struct ElementaryLink {
    /// Channel transmittance of the link.
    var transmittance: Double
    /// Detection efficiency × window fraction at the heralding station.
    var detectionEfficiency: Double
    /// Where the detection efficiency and the window come from.
    var detectionBasis = "no detector"
    /// Optical error e_d of the link: misalignment + 1/2 inter-symbol fraction.
    var errorRate: Double
    /// The link's misalignment, the part of e_d that a file sets.
    var misalignment = Sourced(PlanningDefaults.misalignment.value, PlanningDefaults.misalignment.basis)
    /// Length, m.
    var length: Double
    /// Fiber loss per metre, dB/m (nil for a link that is not fiber: no distance sweep).
    var lossPerMetreDB: Double?
    /// Losses that do not grow with length (connectors, splices), dB.
    var fixedLossDB: Double = 0
    /// Dark and background probability per detection window of the link's detector (the heralding station's).
    var noiseProbability: Double = 0
    /// Where the dark and background counts come from.
    var noiseBasis = "no detector"
    /// Heralding scheme, after defaults.
    var heralding = Sourced(PlanningDefaults.heralding.value, PlanningDefaults.heralding.basis)
    /// Single-click bright-state population α, after defaults.
    var brightStatePopulation = Sourced(PlanningDefaults.brightStatePopulation.value, PlanningDefaults.brightStatePopulation.basis)
    /// Pulse rate of the link's source, Hz: one mode per pulse (`HeraldingRound`).
    var repetitionRate = Sourced(PlanningDefaults.repetitionRate.value, PlanningDefaults.repetitionRate.basis)
    /// The heralding station's detectors (nil: none): their dead time after a click lengthens the spacing of the
    /// modes (`ChainRounds`).
    var stationDetector: ResolvedDetector?
}

/// A repeater node's figures (or a key-holding end's, which measures directly).
struct ChainNode {
    var id: Identifier
    var holdsKey: Bool
    var memoryEfficiency: Sourced<Double>
    var coherenceTime: Sourced<Double>
    var modes: Sourced<Int>
    var swapSuccess: Sourced<Double>
    /// Cutoff, s (`.infinity`: none).
    var cutoffTime = Sourced(PlanningDefaults.cutoffTime.value, PlanningDefaults.cutoffTime.basis)
    /// DEJMPS rounds asked for at this node (0: none).
    var purificationRounds = Sourced(0, "no purification")
}

/// Reads a segment's elementary links and nodes from the topology and the links' plans, after defaults.
enum ChainInputs {
    /// The segment's links; `outcomes` are indexed like `topology.links` (nil: skipped link).
    static func links(_ segment: FoundSegment, topology: Topology, outcomes: [LinkOutcome?]) -> [ElementaryLink] {
        segment.links.compactMap { index -> ElementaryLink? in
            guard let outcome = outcomes[index] else { return nil }
            let link = topology.links[index], plan = outcome.plan, path = "links[\(index)]"
            let detector = plan.detector
            var elementary = ElementaryLink(transmittance: plan.transmittance,
                                            detectionEfficiency: (detector?.detectorEfficiency ?? 0) * (detector?.windowFraction ?? 0),
                                            errorRate: outcome.errorRate, length: outcome.pathLength)
            if link.resolvedMedium == .fiber, let fiber = plan.lossBudget.first, outcome.pathLength > 0 {
                elementary.lossPerMetreDB = fiber.db / outcome.pathLength
                elementary.fixedLossDB = plan.lossDB - fiber.db
            }
            elementary.misalignment = outcome.misalignment
            (elementary.repetitionRate, elementary.stationDetector) = (outcome.equipment.source.repetitionRate,
                                                                       outcome.equipment.detector)
            elementary.noiseProbability = (detector?.darkProbabilityPerWindow ?? 0) + (detector?.backgroundProbabilityPerWindow ?? 0)
            if let bases = detector?.bases {
                elementary.noiseBasis = "\(bases.darkCounts); stray light \(bases.backgroundRate) x window"
                elementary.detectionBasis = "\(bases.detectorEfficiency); window \(bases.window)"
            }
            elementary.heralding = Sourced.first([(link.heralding, "\(path).heralding")], else: PlanningDefaults.heralding)
            elementary.brightStatePopulation = Sourced.first([(link.brightStatePopulation, "\(path).bright_state_population")],
                                                             else: PlanningDefaults.brightStatePopulation)
            return elementary
        }
    }

    /// The chain's nodes with their memories, swap success, cutoff and purification, after defaults.
    static func nodes(_ segment: FoundSegment, topology: Topology) -> [ChainNode] {
        segment.nodes.map { index in
            let node = topology.nodes[index]
            let memory = node.memory.flatMap { topology.equipment.memory(named: $0) }
            let prefix = "equipment.memories.\(node.memory ?? "")"
            let path = "nodes[\(index)]"
            var chainNode = ChainNode(
                id: node.id, holdsKey: node.holdsKey,
                memoryEfficiency: Sourced.quantity([(memory?.efficiency, "\(prefix).efficiency")], else: PlanningDefaults.memoryEfficiency),
                coherenceTime: Sourced.quantity([(memory?.coherenceTime, "\(prefix).coherence_time")],
                                                else: PlanningDefaults.memoryCoherenceTime),
                modes: Sourced.first([(memory?.modes, "\(prefix).modes")], else: PlanningDefaults.memoryModes),
                swapSuccess: Sourced.quantity([(node.swapSuccess, "\(path).swap_success")], else: PlanningDefaults.swapSuccess))
            chainNode.cutoffTime = Sourced.quantity([(node.cutoffTime, "\(path).cutoff_time")], else: PlanningDefaults.cutoffTime)
            // Rounds alone purify nothing (QA: removing `purification` kept DEJMPS on); `UnusedNodeKeys` warns of them.
            if let rounds = node.purificationRounds, node.purification != nil {
                chainNode.purificationRounds = Sourced(rounds, "\(path).purification_rounds")
            } else if node.purification != nil {
                chainNode.purificationRounds = Sourced(PlanningDefaults.purificationRounds.value, PlanningDefaults.purificationRounds.basis)
            }
            return chainNode
        }
    }
}

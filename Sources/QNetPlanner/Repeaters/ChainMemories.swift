import QNetPhysics

/// The memory figures of a chain's repeaters as assumption lines: the write-read efficiency η_mem that each heralding
/// attempt's arrival probability carries (η_A = η_mem·√η_link·η_d), and the coherence time T over which a stored pair
/// decays (Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011)). Key-holding ends measure at once: 100 %, no decay.
enum ChainMemories {
    /// The `memory efficiency` and `memory coherence time` lines of `nodes`, each value grouped by the repeaters that have it.
    static func assumptions(_ nodes: [ChainNode]) -> [Assumption] {
        let repeaters = nodes.filter { !$0.holdsKey }
        let efficiency = line(repeaters, name: "memory efficiency", explanation: "eta_mem in eta_A = eta_mem sqrt(eta_link) eta_d of "
                                + "each heralding attempt; key-holding ends measure at once (100 %)") {
            (Format.percent(Sanitise.fraction($0.memoryEfficiency.value)), $0.memoryEfficiency.basis)
        }
        let coherence = line(repeaters, name: "memory coherence time", explanation: "T of e^(-t/T) in the memories line; key-holding ends do not decay") {
            (Format.duration($0.coherenceTime.value), $0.coherenceTime.basis)
        }
        return [efficiency, coherence]
    }

    /// One line: each distinct value with the repeaters that have it, and the distinct bases in order.
    private static func line(_ repeaters: [ChainNode], name: String, explanation: String,
                             _ figure: (ChainNode) -> (value: String, basis: String)) -> Assumption {
        guard !repeaters.isEmpty else {
            return Assumption(name: name, value: "none (no repeater)", basis: "a one-link chain stores nothing: its ends measure at once")
        }
        let groups = NodeGroups(repeaters, figure)
        return Assumption(name: name, value: groups.value, basis: (groups.bases + [explanation]).joined(separator: "; "))
    }
}

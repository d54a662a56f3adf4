import QNetModel

/// Like with like when a change leaves the finite-key model: only decoy BB84 reads a link's `finite_key:`
/// (`FiniteKeyBuilder`; Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014)), so a protocol without one
/// gives an asymptotic key on links whose key is finite-key now. Such a change is compared with the demand's
/// rate when those links' own key is asymptotic too (their `finite_key:` left out), kept only when it beats that
/// rate as well, and says so in its summary.
extension SuggestionFinder {
    /// The demand's rate with the finite-key links that `candidate` replaces by asymptotic ones planned
    /// asymptotically themselves, and the note for the summary; nil when the candidate compares like with like.
    func asymptoticBase(of candidate: Candidate, for demand: Demand) -> (rateBps: Double, note: String)? {
        let topology = network.topology
        let finite = candidate.replaced.filter { index in
            topology.links[index].finiteKey != nil
                && network.segmentsOfLink[index].contains { network.segments[$0].protocolKind == .bb84Decoy }
        }
        let asymptotic = Set(candidate.links.compactMap { link in
            link.finiteKey == nil ? nil : link.protocolKind.flatMap { $0 == .bb84Decoy ? nil : $0.rawValue }
        }).sorted()
        guard !finite.isEmpty, !asymptotic.isEmpty else { return nil }
        let withoutFiniteKey = finite.map { index in
            var link = topology.links[index]
            link.finiteKey = nil
            return link
        }
        let rate = router.route(demand, change: local.change(replacing: finite, with: withoutFiniteKey)).maxFlowBps
        let names = finite.map { topology.links[$0].id.rawValue }.joined(separator: ", ")
        let note = "asymptotic key: \(asymptotic.joined(separator: ", ")) has no finite-key model; with \(names) "
            + "asymptotic too (bb84-decoy without finite_key) the demand gets \(Format.rate(rate))"
        return (rate, note)
    }
}

import QNetModel

/// Larger telescopes on a free-space or satellite link (`LinkTelescope`): the receiving one collects more of the
/// beam, the transmitting one sends a narrower, diffraction-limited beam. A satellite pass's budget reads the same
/// keys at every elevation, so the pass's key follows.
extension SuggestionFinder {
    /// A larger receiving and a larger transmitting telescope on the link at `linkIndex`, each at its next size
    /// (`LinkTelescope.larger`); none on a fiber link. A larger receiving telescope with the same field of view
    /// collects stray light in proportion to its area: a link's `background_rate` is scaled with it.
    func opticsCandidates(linkIndex: Int) -> [Candidate] {
        let link = network.topology.links[linkIndex]
        return LinkTelescope.telescopes(of: link).compactMap { telescope in
            guard let larger = telescope.larger else { return nil }
            var edited = link
            var changes = ["\(link.id).\(telescope.key): \(larger.text)"]
            // The same words whether the size is written or the built-in one, so that tied links' candidates merge
            // (`TiedCandidates`; second reader: Micius with one station's 1 m written got no suggestion).
            let from = "from \(Self.centimetres(telescope.diameter))"
            var notes = [([telescope.mount.owner].compactMap { $0 } + [from]).joined(separator: ", ")]
            switch telescope.role {
            case .transmitting:
                edited.txAperture = larger
            case .receiving:
                edited.rxAperture = larger
                if let background = link.backgroundRate, background.si > 0 {
                    let area = (larger.si / telescope.diameter) * (larger.si / telescope.diameter)
                    let scaled = Quantity(LinkTelescope.tidy(background.magnitude * area), background.unit)
                    edited.backgroundRate = scaled
                    changes.append("\(link.id).background_rate: \(scaled.text)")
                    notes.append("its stray light scales with the area at the same field of view: background_rate \(scaled.text)")
                }
            }
            return Candidate(kind: .optics, summary: "\(telescope.role.rawValue) telescope \(Self.centimetres(larger.si)) on \(link.id) "
                                 + "(\(notes.joined(separator: "; ")))",
                             changes: changes, replaced: [linkIndex], links: [edited])
        }
    }

    /// A diameter in cm, as the summaries give it (`150 cm`).
    private static func centimetres(_ metres: Double) -> String {
        "\(Format.number(metres * 100)) cm"
    }
}

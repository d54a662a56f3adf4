import QNetModel

/// The changes that balance a tf segment's arms (`TwinFieldArmBalance`): both users send one intensity in this
/// model, so arms that lose unequally match less well at the relay, and a demand limited by such a segment is
/// helped by moving the relay to where the arms lose the same, or, simpler for an operator, by an attenuator on
/// the short arm (QA: 256 and 305 km arms keyed 11.8 bit/s of 20, and no change tried helped).
extension SuggestionFinder {
    /// The resolution of the balanced relay's link lengths, km.
    static let relayLengthStepKm = 0.1

    /// The relay moved to where the arms lose the same, and the attenuator on the short arm that keys most,
    /// for the tf segment at `segmentIndex` whose plan found that balancing raises its key; none otherwise.
    func armBalanceCandidates(segmentIndex: Int) -> [Candidate] {
        guard let tf = network.segments[segmentIndex].twinField, let balance = tf.armBalance else { return [] }
        let indices = balance.links.compactMap { network.linkIndex[$0] }
        guard indices.count == 2 else { return [] }
        return [balancedRelay(balance, links: indices, relay: tf.relay), attenuator(balance, links: indices, relay: tf.relay)]
            .compactMap { $0 }
    }

    /// Both links' lengths changed, their sum kept, so that the arms lose the same without their attenuators (the
    /// `extra_losses` entries the arm-attenuator what-if writes, `TwinFieldArmBalancer.isAttenuator`), which the
    /// edit removes: the short arm is lengthened by the arms' spread over the sum of the links' attenuations (dB/m),
    /// to `relayLengthStepKm` (QA: a relay move that kept an applied attenuator keyed 35.6 bit/s, without it 78.2). The relay's
    /// position stays as written (where the new site lies along the fibre is not in the file); nil where a link is
    /// not fiber or has no length, the long arm would need a negative length, or an edited length falls short of
    /// the distance between its ends' positions (`check` would warn: the relay's position would then be wrong).
    private func balancedRelay(_ balance: TwinFieldArmBalance, links indices: [Int], relay: Identifier) -> Candidate? {
        let topology = network.topology
        let links = indices.map { topology.links[$0] }
        let lengths = links.compactMap { $0.resolvedMedium == .fiber ? $0.length?.si : nil }
        guard lengths.count == 2 else { return nil }
        let attenuation = indices.reduce(0) {
            $0 + LinkEquipment(topology: topology, linkIndex: $1, nodeIndex: network.nodeIndex).attenuation
        }
        guard attenuation > 0 else { return nil }
        let (short, long) = (balance.shortArmWithoutAttenuators, 1 - balance.shortArmWithoutAttenuators)
        let steps = 1 / Self.relayLengthStepKm
        let shortKm = ((lengths[short] + balance.spreadWithoutAttenuatorsDB / attenuation) / 1000 * steps).rounded() / steps
        let longKm = ((lengths[0] + lengths[1]) - shortKm * 1000).rounded() / 1000
        guard longKm >= 0 else { return nil }
        var edited = links
        edited[short].length = Quantity(shortKm, .kilometre)
        edited[long].length = Quantity(longKm, .kilometre)
        guard !edited.contains(where: drawsLengthWarning) else { return nil }
        let lengthChanges = edited.map { "\($0.id).length: \($0.length?.text ?? "")" }
        var removals: [String] = []
        for index in edited.indices {
            let attenuators = edited[index].extraLosses.filter { TwinFieldArmBalancer.isAttenuator($0.name) }
            removals += attenuators.map { "\(edited[index].id).extra_losses.\($0.name)" }
            edited[index].extraLosses.removeAll { TwinFieldArmBalancer.isAttenuator($0.name) }
        }
        let changes = lengthChanges + removals.map { "\($0): removed" }
        let removed = removals.isEmpty ? "" : "; \(removals.joined(separator: ", ")) removed"
        let total = Quantity((lengths[0] + lengths[1]).rounded() / 1000, .kilometre)
        let lengthTexts = edited.map { "\($0.id) \($0.length?.text ?? "")" }.joined(separator: ", ")
        return Candidate(kind: .balancedRelay,
                         summary: "the relay \(relay) where the arms lose the same: \(lengthTexts) (the same \(total.text) "
                             + "in all\(removed); \(relay)'s position as written)",
                         changes: changes, replaced: indices, links: edited)
    }

    /// The attenuation of `balance` on the short arm, a new entry of its `extra_losses`.
    private func attenuator(_ balance: TwinFieldArmBalance, links indices: [Int], relay: Identifier) -> Candidate? {
        guard let attenuator = balance.attenuator else { return nil }
        let (short, long) = (balance.shortArm, 1 - balance.shortArm)
        var link = network.topology.links[indices[short]]
        var names = Set(link.extraLosses.map { Identifier($0.name) })
        let name = MidpointSplit.unique(TwinFieldArmBalancer.attenuatorName, &names).rawValue
        let loss = Quantity(attenuator.lossDB, .decibel)
        link.extraLosses.append(NamedLoss(name: name, loss: loss))
        return Candidate(kind: .armAttenuator,
                         summary: "a \(loss.text) attenuator on \(link.id), the short arm to the relay \(relay) "
                             + "(\(Format.dB(balance.lossDB[short])) against \(balance.links[long])'s "
                             + "\(Format.dB(balance.lossDB[long])))",
                         changes: ["\(link.id).extra_losses.\(name): \(loss.text)"], replaced: [indices[short]], links: [link])
    }

    /// Whether `link`, an edit of a link of the topology, is shorter than the distance between its ends' positions
    /// (`LinkLengthCheck`).
    private func drawsLengthWarning(_ link: Link) -> Bool {
        LinkEquipment.inputs(of: link, in: network.topology, nodeIndex: network.nodeIndex)
            .flatMap(LinkLengthCheck.warning) != nil
    }
}

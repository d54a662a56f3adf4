import QNetModel
import QNetPhysics

/// Balances the arms of a tf segment whose arms lose unequally: both users send one intensity in these models (Wang,
/// Yu, Hu, PRA 98, 062323 (2018); Ma, Zeng, Zhou, PRX 8, 031043 (2018)), so the weaker arm's light cannot match the
/// stronger's at the relay and the interference errs. Moving the relay to where the arms lose the same, or adding
/// loss to the short arm, can raise the key (QA: 256 and 305 km arms keyed 11.8 bit/s; 305 km each 28.8 bit/s,
/// 280.5 km each 78.2 bit/s, and the what-ifs said no change helped).
enum TwinFieldArmBalancer {
    /// Arms whose losses are at most this far apart are taken as balanced, dB.
    static let spreadDB = 1.0
    /// The resolution of the attenuation searched, and the step its value is rounded to, dB.
    static let attenuatorStepDB = 0.1
    /// A balance is told when it raises the key by at least this fraction (as the what-ifs' suggestions).
    static let smallestGain = 0.01

    /// What the segment of arms `links`, losing `lossDB` (dB, first link first) with transmittances to the relay's
    /// clicks `transmittance`, would key balanced, at `rate` pulses per second; `attenuatorDB` is each arm's loss in
    /// attenuators (`isAttenuator`), `keyPerPulse(tA, tB)` plans the segment with the arms at those transmittances
    /// (each intensity with its own relay load), `current` is its key per pulse as it is (0 without key). Nil where
    /// the arms are within `spreadDB` (with and without their attenuators), or balancing them raises the key by less
    /// than `smallestGain` (gives none, for a segment without key).
    ///
    /// Balanced: the attenuators removed and both arms at the geometric mean of the transmittances left (each half of
    /// the arms' total loss). Attenuator: the key against the attenuation Z on the short arm, between 0 and the arms'
    /// spread, is flat zero where the arms match too poorly (or lose too much) and has one maximum where it keys, so a
    /// grid of `attenuatorGridPoints` finds where it keys most and golden section between the grid's neighbours
    /// refines it (`Optimise.gridThenGoldenMaximum`; Press et al., Numerical Recipes, 3rd ed., 2007, Secs. 10.1-10.2)
    /// to `attenuatorStepDB`; Z is rounded to it and planned once more there. A segment without key thus gets the
    /// attenuator where one gives key.
    /// - Complexity: at most `attenuatorGridPoints` + ⌈ln(2·spread/(9·`attenuatorStepDB`))/ln φ⌉ + 4 plans of the
    ///   segment: 21 at 8.3 dB apart, 26 at 100 dB, 30 at 900 dB; none where the arms are within `spreadDB`.
    static func balance(links: [Identifier], lossDB: [Double], attenuatorDB: [Double], transmittance: (Double, Double),
                        rate: Double, current: Double, keyPerPulse: ((Double, Double)) -> Double) -> TwinFieldArmBalance? {
        guard links.count == 2, lossDB.count == 2, attenuatorDB.count == 2, rate > 0 else { return nil }
        let removed = (transmittance.0 / Decibel.transmittance(loss: attenuatorDB[0]),
                       transmittance.1 / Decibel.transmittance(loss: attenuatorDB[1]))
        let mean = (removed.0 * removed.1).squareRoot()
        var balance = TwinFieldArmBalance(links: links, lossDB: lossDB, attenuatorDB: attenuatorDB, balancedKeyRateBps: 0)
        guard max(balance.spreadDB, balance.spreadWithoutAttenuatorsDB) > spreadDB else { return nil }
        let balanced = keyPerPulse((mean, mean))
        balance.balancedKeyRateBps = Sanitise.rate(balanced * rate)
        if balance.spreadDB > spreadDB { balance.attenuator = attenuator(balance, transmittance: transmittance, rate: rate,
                                                                          current: current, keyPerPulse: keyPerPulse) }
        guard balance.attenuator != nil || (balanced > 0 && balanced >= current * (1 + smallestGain)) else { return nil }
        return balance
    }

    /// The points of the grid over the attenuation, 0 and the arms' spread included.
    static let attenuatorGridPoints = 10

    /// The attenuation on the short arm of `balance` that keys most, where it raises the key per pulse `current` by
    /// `smallestGain` (or gives key, for a segment without): see `balance`.
    private static func attenuator(_ balance: TwinFieldArmBalance, transmittance: (Double, Double), rate: Double,
                                   current: Double, keyPerPulse: ((Double, Double)) -> Double)
        -> TwinFieldArmBalance.Attenuator? {
        let short = balance.shortArm
        func attenuated(_ lossDB: Double) -> Double {
            let factor = Decibel.transmittance(loss: lossDB)
            return keyPerPulse(short == 0 ? (transmittance.0 * factor, transmittance.1)
                                          : (transmittance.0, transmittance.1 * factor))
        }
        let best = Optimise.gridThenGoldenMaximum(lower: 0, upper: balance.spreadDB, gridPoints: attenuatorGridPoints,
                                                  tolerance: attenuatorStepDB, attenuated)
        let stepsPerDB = (1 / attenuatorStepDB).rounded()
        let rounded = (best.x * stepsPerDB).rounded() / stepsPerDB
        let key = rounded == best.x ? best.value : attenuated(rounded)
        guard rounded > 0, key > 0, key >= current * (1 + smallestGain) else { return nil }
        return .init(lossDB: rounded, keyRateBps: Sanitise.rate(key * rate))
    }

    /// The note of a segment with key `keyRate` (bit/s) whose arms `balance` would raise it, located at the relay
    /// (`keyPath`).
    static func note(_ balance: TwinFieldArmBalance, segment id: String, keyRate: Double, keyPath: String) -> Diagnostic {
        var options: [String] = []
        if balance.balancedKeyRateBps >= keyRate * (1 + smallestGain) {
            options.append("about \(Format.rate(balance.balancedKeyRateBps)) " + balancedRelay(balance))
        }
        if let attenuator = balance.attenuator { options.append(attenuatorOption(attenuator, of: balance)) }
        return Diagnostic(.note, "segment \(id): " + spread(balance) + "; both users send one intensity (in this model), "
            + "so the light of the two arms matches poorly at the relay: this segment keys \(Format.rate(keyRate)), and "
            + "would key " + options.joined(separator: ", or "), keyPath: keyPath)
    }

    /// Why the segment of `balance` gets no key, where balancing its arms would give one (QA: 500 and 256 km arms
    /// were told "loss 128.4 dB exceeds the 19.9 dB the relay tolerates", while 385 km each, 130.9 dB in all, keyed);
    /// `user` sends on the arm of more loss without the attenuators, towards which the relay would move.
    static func noKeyReason(_ balance: TwinFieldArmBalance, towards user: Identifier) -> String {
        var options: [String] = []
        if balance.balancedKeyRateBps > 0 {
            options.append("about \(Format.rate(balance.balancedKeyRateBps)) " + balancedRelay(balance)
                + ": move the relay towards \(user)")
        }
        if let attenuator = balance.attenuator { options.append(attenuatorOption(attenuator, of: balance)) }
        return spread(balance) + ": both users send one intensity (in this model), so the light of the two arms cannot "
            + "match at the relay; this segment would key " + options.joined(separator: ", or ")
    }

    /// `with the relay where the arms lose the same (...)`: what the balanced figure assumes. Moving the relay along
    /// fibres of unequal attenuation changes the arms' total loss, which the what-ifs' move plans and this figure
    /// does not (QA: 12 bit/s here, 17.7 bit/s planned with the move at 0.17 and 0.22 dB/km).
    private static func balancedRelay(_ balance: TwinFieldArmBalance) -> String {
        let removed = balance.attenuatorDB.indices.filter { balance.attenuatorDB[$0] > 0 }.map { "\(balance.links[$0])" }
        let attenuators = removed.isEmpty ? ""
            : "; without the attenuator\(removed.count > 1 ? "s" : "") on \(removed.joined(separator: " and ")), "
                + "which the move removes"
        return "with the relay where the arms lose the same (each half of their total loss\(attenuators); moved along "
            + "fibres that attenuate unequally, the total changes, which the what-ifs plan)"
    }

    /// `about 31.9 bit/s with 6.6 dB more loss on TF1, the short arm (an attenuator: ...)`.
    private static func attenuatorOption(_ attenuator: TwinFieldArmBalance.Attenuator, of balance: TwinFieldArmBalance)
        -> String {
        "about \(Format.rate(attenuator.keyRateBps)) with \(Format.number(attenuator.lossDB)) dB more loss on "
            + "\(balance.links[balance.shortArm]), the short arm (an attenuator: the best between 0 and "
            + "\(Format.dB(balance.spreadDB)), a \(attenuatorGridPoints)-point grid refined by golden section to "
            + "\(Format.number(attenuatorStepDB)) dB)"
    }

    /// Whether the `extra_losses` entry `name` is an attenuator that the arm-attenuator what-if writes: `attenuator`,
    /// or `attenuator-N` where that name was taken.
    static func isAttenuator(_ name: String) -> Bool {
        guard name.hasPrefix(attenuatorName) else { return false }
        let suffix = name.dropFirst(attenuatorName.count)
        return suffix.isEmpty || (suffix.hasPrefix("-") && Int(suffix.dropFirst()) != nil)
    }

    /// The name of the attenuator put on a tf segment's short arm, among its `extra_losses`.
    static let attenuatorName = "attenuator"

    /// `the arms lose 43.52 dB (TF1) and 51.85 dB (TF2) to the relay, 8.33 dB apart`.
    private static func spread(_ balance: TwinFieldArmBalance) -> String {
        "the arms lose \(Format.dB(balance.lossDB[0])) (\(balance.links[0])) and \(Format.dB(balance.lossDB[1])) "
            + "(\(balance.links[1])) to the relay, \(Format.dB(balance.spreadDB)) apart"
    }
}

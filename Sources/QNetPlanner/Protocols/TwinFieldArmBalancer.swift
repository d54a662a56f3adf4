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
    /// clicks `transmittance`, would key balanced, at `rate` pulses per second; `keyPerPulse(tA, tB)` plans the
    /// segment with the arms at those transmittances (each intensity with its own relay load), `current` is its key
    /// per pulse as it is. Nil where the arms are within `spreadDB`, or balancing them raises a key by less than
    /// `smallestGain` (gives none, for a segment without key).
    ///
    /// Balanced: both arms at the geometric mean transmittance (the same total loss). Attenuator, for a segment with
    /// key only: the key against the attenuation Z on the short arm, between 0 and the arms' spread, rises while
    /// the visibility gains more than the loss costs and then falls (one maximum), so its best Z is found by golden
    /// section (Kiefer 1953; Press et al., Numerical Recipes, 3rd ed., 2007, Sec. 10.2) to `attenuatorStepDB`,
    /// rounded to it and planned once more there.
    /// - Complexity: at most ln(spread / `attenuatorStepDB`)/ln φ + 4 plans of the segment: 14 at 8.3 dB apart, 20 at
    ///   100 dB; none where the arms are within `spreadDB`.
    static func balance(links: [Identifier], lossDB: [Double], transmittance: (Double, Double), rate: Double,
                        current: Double, keyPerPulse: ((Double, Double)) -> Double) -> TwinFieldArmBalance? {
        guard links.count == 2, lossDB.count == 2, abs(lossDB[0] - lossDB[1]) > spreadDB, rate > 0 else { return nil }
        let mean = (transmittance.0 * transmittance.1).squareRoot()
        let balanced = keyPerPulse((mean, mean))
        var balance = TwinFieldArmBalance(links: links, lossDB: lossDB, balancedKeyRateBps: Sanitise.rate(balanced * rate))
        guard current > 0 else { return balanced > 0 ? balance : nil }
        let short = balance.shortArm
        func attenuated(_ lossDB: Double) -> Double {
            let factor = Decibel.transmittance(loss: lossDB)
            return keyPerPulse(short == 0 ? (transmittance.0 * factor, transmittance.1)
                                          : (transmittance.0, transmittance.1 * factor))
        }
        let best = Optimise.goldenSectionMaximum(lower: 0, upper: balance.spreadDB, tolerance: attenuatorStepDB, attenuated)
        let stepsPerDB = (1 / attenuatorStepDB).rounded()
        let rounded = (best.x * stepsPerDB).rounded() / stepsPerDB
        let key = rounded == best.x ? best.value : attenuated(rounded)
        if rounded > 0, key >= current * (1 + smallestGain) {
            balance.attenuator = .init(lossDB: rounded, keyRateBps: Sanitise.rate(key * rate))
        }
        guard balance.attenuator != nil || balanced >= current * (1 + smallestGain) else { return nil }
        return balance
    }

    /// The note of a segment with key `keyRate` (bit/s) whose arms `balance` would raise it, located at the relay
    /// (`keyPath`).
    static func note(_ balance: TwinFieldArmBalance, segment id: String, keyRate: Double, keyPath: String) -> Diagnostic {
        var options: [String] = []
        if balance.balancedKeyRateBps >= keyRate * (1 + smallestGain) {
            options.append("about \(Format.rate(balance.balancedKeyRateBps)) with the relay where the arms lose the same "
                + "(the same total loss)")
        }
        if let attenuator = balance.attenuator {
            options.append("about \(Format.rate(attenuator.keyRateBps)) with \(Format.number(attenuator.lossDB)) dB more loss "
                + "on \(balance.links[balance.shortArm]), the short arm (an attenuator: the best between 0 and "
                + "\(Format.dB(balance.spreadDB)), golden-section search to \(Format.number(attenuatorStepDB)) dB)")
        }
        return Diagnostic(.note, "segment \(id): " + spread(balance) + "; both users send one intensity (in this model), "
            + "so the light of the two arms matches poorly at the relay: this segment keys \(Format.rate(keyRate)), and "
            + "would key " + options.joined(separator: ", or "), keyPath: keyPath)
    }

    /// Why the segment of `balance` gets no key, where the same total loss split equally would give one (QA: 500 and
    /// 256 km arms were told "loss 128.4 dB exceeds the 19.9 dB the relay tolerates", while 385 km each, 130.9 dB in
    /// all, keyed); `user` sends on the arm of more loss, towards which the relay would move.
    static func noKeyReason(_ balance: TwinFieldArmBalance, towards user: Identifier) -> String {
        spread(balance) + ": both users send one intensity (in this model), so the light of the two arms cannot match at "
            + "the relay; with the relay where the arms lose the same (the same total loss) this segment would key about "
            + "\(Format.rate(balance.balancedKeyRateBps)): move the relay towards \(user)"
    }

    /// `the arms lose 43.52 dB (TF1) and 51.85 dB (TF2) to the relay, 8.33 dB apart`.
    private static func spread(_ balance: TwinFieldArmBalance) -> String {
        "the arms lose \(Format.dB(balance.lossDB[0])) (\(balance.links[0])) and \(Format.dB(balance.lossDB[1])) "
            + "(\(balance.links[1])) to the relay, \(Format.dB(balance.spreadDB)) apart"
    }
}

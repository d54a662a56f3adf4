import QNetModel

/// What a tf segment whose arms lose more than 1 dB apart would key with them balanced, for its note and the
/// what-ifs (`TwinFieldArmBalancer`): both users send one intensity in this model, so unequal arms interfere with
/// less visibility, and less loss on one arm is not always more key.
struct TwinFieldArmBalance: Sendable, Hashable {
    /// An attenuation added to the arm of less loss, and the key with it.
    struct Attenuator: Sendable, Hashable {
        /// The attenuation, dB (a multiple of `TwinFieldArmBalancer.attenuatorStepDB`).
        var lossDB: Double
        /// The segment's key with it, bit/s.
        var keyRateBps: Double
    }

    /// Each arm's link, first link first.
    var links: [Identifier]
    /// Each arm's channel loss to the relay, dB, first link first.
    var lossDB: [Double]
    /// Each arm's attenuators, dB, first link first: the sum of its `extra_losses` entries that the arm-attenuator
    /// what-if writes (`TwinFieldArmBalancer.isAttenuator`), which the balanced relay removes.
    var attenuatorDB: [Double]
    /// The segment's key with the relay where the arms, without their attenuators, lose the same (each half of
    /// their total loss), bit/s.
    var balancedKeyRateBps: Double
    /// The attenuation on the arm of less loss that keys most, when it raises the segment's key by 1 % or more; nil
    /// otherwise, and for a segment without key.
    var attenuator: Attenuator?

    /// The position (0 or 1) of the arm of less loss.
    var shortArm: Int { lossDB[0] <= lossDB[1] ? 0 : 1 }
    /// How far apart the arms' losses are, dB.
    var spreadDB: Double { abs(lossDB[0] - lossDB[1]) }
    /// Each arm's loss without its attenuators, dB, first link first.
    var lossWithoutAttenuatorsDB: [Double] { zip(lossDB, attenuatorDB).map { $0 - $1 } }
    /// The position (0 or 1) of the arm of less loss without the attenuators: the one the balanced relay lengthens.
    var shortArmWithoutAttenuators: Int { lossWithoutAttenuatorsDB[0] <= lossWithoutAttenuatorsDB[1] ? 0 : 1 }
    /// How far apart the arms' losses are without the attenuators, dB.
    var spreadWithoutAttenuatorsDB: Double { abs(lossWithoutAttenuatorsDB[0] - lossWithoutAttenuatorsDB[1]) }
}

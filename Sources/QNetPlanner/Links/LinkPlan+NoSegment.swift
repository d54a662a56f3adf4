import QNetModel

extension LinkPlan {
    /// Why a link that lies in no segment has no key.
    static let noSegmentReason = "the link lies on no path between two key-holding nodes through untrusted ones, so no segment carries its key"

    /// Takes away the key a link of its own (decoy BB84, CV-QKD) would make between its ends, of which `keylessEnds`
    /// hold no key, and the link lies in no segment: no one holds that key (QA: a decoy BB84 link to a repeater with no
    /// other link showed 5.8 Mbit/s). Returns the reason, naming those ends and what would make one hold it.
    mutating func withdrawKey(keylessEnds: [Node]) -> String {
        let named = keylessEnds.map { "\($0.id) (\($0.resolvedKind.withArticle))" }.joined(separator: " and ")
        let which = keylessEnds.count == 1 ? "it" : "one"
        let remedy = keylessEnds.allSatisfy { $0.resolvedKind == .satellite }
            ? "set trusted: true on \(which)" : "make \(which) a trusted node"
        keyRateBps = 0
        keyPerPulse = 0
        marginDB = nil
        marginUnlimited = false
        keyOnlyWhileInView = false
        signalIntensity = nil
        // Nor the key figures of a block, a pass or a CV link (a second reader: "Key: 0 bit/s", then 606 Mbit per block).
        finiteKey = nil
        pass = nil
        continuousVariable = nil
        return Self.noSegmentReason + ": \(named) \(keylessEnds.count == 1 ? "holds" : "hold") no key, so no one holds this "
            + "link's (\(remedy), or carry the key through to a key holder with mdi, tf or entanglement)"
    }
}

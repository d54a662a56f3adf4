import QNetModel

/// Notes on links that fall back to the planner's built-in source or detector (`PlanningDefaults`) while other links
/// of the network name equipment of the topology's own: a node added without equipment then plans with figures
/// unlike its neighbours' (a 1 GHz source among 10 MHz ones) that only its assumptions would show. A network whose
/// links name no source (or no detector) uses the built-in one deliberately, and gets no note about it. Links are
/// compared only with links of their own kind of equipment: a CV-QKD link (Gaussian source, homodyne detection) with
/// CV-QKD links, a photon-counting one with photon-counting ones (QA: a network naming only its CV-QKD link's
/// equipment put a note on every BB84 satellite and repeater link).
enum BuiltInEquipmentNotes {
    /// At most this many equipment names are listed as the ones the other links use.
    static let namesListed = 3
    /// At most this many of the notes are listed among the plan's diagnostics (every link keeps its own).
    static let listed = 10

    /// A note per link of `inputs` (by index into the topology's links; nil: not planned) that names no source, or
    /// no detector, while another link of its kind of equipment does, located at the link.
    /// - Complexity: O(L) in the number of links, one pass (the planner runs it on every re-plan).
    static func notes(_ inputs: [LinkInputs?]) -> [(link: Int, note: Diagnostic)] {
        // Per kind of equipment (0: photon-counting, 1: CV-QKD): the links that fall back, and the names the others use.
        var sources = [Uses(), Uses()], detectors = [Uses(), Uses()]
        for (index, input) in inputs.enumerated() {
            guard let input else { continue }
            let kind = isContinuousVariable(input) ? 1 : 0
            sources[kind].add(input.sourceName, link: index)
            detectors[kind].add(input.detectorName, link: index)
        }
        var notes: [(link: Int, note: Diagnostic)] = []
        for kind in 0..<2 {
            notes += Self.notes(sources[kind], of: inputs) { input, others in
                let source = input.resolvedSource
                return "uses the built-in \(Format.frequency(source.repetitionRate.value)) \(source.kind.value.rawValue) source: "
                    + "neither it nor its sender \(sender(of: input)) names a source, while the network's other "
                    + "\(kindNames[kind]) links use \(others)"
            }
            notes += Self.notes(detectors[kind], of: inputs) { input, others in
                let detector = input.resolvedDetector
                return "uses the built-in \(detector.kind.value.rawValue) detector (\(Format.percent(detector.efficiency.value)) "
                    + "efficient): neither it nor its receiver \(receiver(of: input)) names a detector, while the network's "
                    + "other \(kindNames[kind]) links use \(others)"
            }
        }
        return notes.sorted { $0.link < $1.link }
    }

    /// How the notes name each kind of equipment.
    private static let kindNames = ["photon-counting", "CV-QKD"]

    /// A note at each link of `uses` that falls back, when others name equipment: `link ID ` and what `text` says of
    /// its inputs and the names the others use.
    private static func notes(_ uses: Uses, of inputs: [LinkInputs?],
                              text: (LinkInputs, String) -> String) -> [(link: Int, note: Diagnostic)] {
        guard let others = uses.namesOfOthers else { return [] }
        return uses.fallingBack.compactMap { index in
            inputs[index].map { (index, Diagnostic(.note, "link \($0.link.id) " + text($0, others), keyPath: "links[\(index)]")) }
        }
    }

    /// Whether `input`'s link runs CV-QKD (its protocol, the file's default, or the built-in decoy BB84).
    private static func isContinuousVariable(_ input: LinkInputs) -> Bool {
        (input.protocolKey ?? input.defaults.protocolKind) == .cvGG02
    }

    /// Of the links of one kind of equipment: those that name no source (or detector), and how often each name is used.
    private struct Uses {
        var fallingBack: [Int] = []
        var counts: [String: Int] = [:]

        mutating func add(_ name: String?, link: Int) {
            if let name { counts[name, default: 0] += 1 } else { fallingBack.append(link) }
        }

        /// The names the other links use, most used first (`'a'`, `'a' and 'b'`, `'a', 'b', 'c' and 2 more`); nil when
        /// no link falls back or none names one (the built-in is then chosen deliberately).
        var namesOfOthers: String? {
            guard !fallingBack.isEmpty, !counts.isEmpty else { return nil }
            let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "'\($0.key)'" }
            let shown = Array(ranked.prefix(namesListed))
            let items = shown + (ranked.count > namesListed ? ["\(ranked.count - namesListed) more"] : [])
            return items.count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// The id of the node whose source a link uses (its sender).
    private static func sender(of input: LinkInputs) -> Identifier { roles(of: input).sender }

    /// The id of the node whose detector a link uses (its receiver).
    private static func receiver(of input: LinkInputs) -> Identifier { roles(of: input).receiver }

    private static func roles(of input: LinkInputs) -> (sender: Identifier, receiver: Identifier) {
        let (sender, _, receiver, _) = LinkInputs.roles(link: input.link, from: (input.fromNode, input.fromIndex),
                                                        to: (input.toNode, input.toIndex))
        return (sender.id, receiver.id)
    }
}

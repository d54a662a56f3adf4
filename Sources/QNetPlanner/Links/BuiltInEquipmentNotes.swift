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
    /// no detector, while another link does, located at the link.
    /// - Complexity: O(L) in the number of links.
    static func notes(_ inputs: [LinkInputs?]) -> [(link: Int, note: Diagnostic)] {
        let sourceNotes = notes(inputs, names: \.sourceName) { input, others in
            let source = input.resolvedSource
            return "link \(input.link.id) uses the built-in \(Format.frequency(source.repetitionRate.value)) "
                + "\(source.kind.value.rawValue) source: neither it nor its sender \(sender(of: input)) names a source, "
                + "while the network's other \(kind(of: input)) links use \(others)"
        }
        let detectorNotes = notes(inputs, names: \.detectorName) { input, others in
            let detector = input.resolvedDetector
            return "link \(input.link.id) uses the built-in \(detector.kind.value.rawValue) detector "
                + "(\(Format.percent(detector.efficiency.value)) efficient): neither it nor its receiver \(receiver(of: input)) "
                + "names a detector, while the network's other \(kind(of: input)) links use \(others)"
        }
        return (sourceNotes + detectorNotes).sorted { $0.link < $1.link }
    }

    /// A note (worded by `message`, given the link's inputs and the names the others use) per link whose `names`
    /// is nil, when another link of its kind of equipment names one.
    private static func notes(_ inputs: [LinkInputs?], names: KeyPath<LinkInputs, String?>,
                              message: (LinkInputs, String) -> String) -> [(link: Int, note: Diagnostic)] {
        let continuous = inputs.map { $0.map(isContinuousVariable) }
        return [true, false].flatMap { family in
            notes(ofOneKind: inputs.indices.map { continuous[$0] == family ? inputs[$0] : nil }, names: names, message: message)
        }
    }

    /// Whether `input`'s link runs CV-QKD (its protocol, the file's default, or the built-in decoy BB84).
    private static func isContinuousVariable(_ input: LinkInputs) -> Bool {
        (input.link.protocolKind ?? input.defaults.protocolKind) == .cvGG02
    }

    /// The kind of equipment `input`'s link uses, as the notes name it.
    private static func kind(of input: LinkInputs) -> String { isContinuousVariable(input) ? "CV-QKD" : "photon-counting" }

    /// The notes among `inputs` of one kind of equipment (the others nil): one per link whose `names` is nil, when
    /// another's is not.
    private static func notes(ofOneKind inputs: [LinkInputs?], names: KeyPath<LinkInputs, String?>,
                              message: (LinkInputs, String) -> String) -> [(link: Int, note: Diagnostic)] {
        let fallingBack = inputs.indices.filter { inputs[$0].map { $0[keyPath: names] == nil } ?? false }
        guard !fallingBack.isEmpty else { return [] }
        var uses: [String: Int] = [:]
        for case let input? in inputs { if let name = input[keyPath: names] { uses[name, default: 0] += 1 } }
        guard !uses.isEmpty else { return [] }
        let ranked = uses.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "'\($0.key)'" }
        // `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`, `'a', 'b', 'c' and 2 more`.
        let shown = Array(ranked.prefix(namesListed))
        let rest = ranked.count > namesListed ? ["\(ranked.count - namesListed) more"] : []
        let items = shown + rest
        let listed = items.count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        return fallingBack.map { index in
            (index, Diagnostic(.note, message(inputs[index]!, listed), keyPath: "links[\(index)]"))
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

import QNetModel

/// The errors `Topology.validate()` finds in a topology, kept with it so that a
/// state of edits is validated once: by the edit that made it, or when first
/// needed. (Telling whether a kept topology is the current one is quick: the
/// two share their arrays' storage.)
public struct Validation: Sendable, Hashable {
    /// The topology validated.
    public let topology: Topology
    /// Its errors (warnings left out): any of them keeps it from being planned.
    public let errors: [Diagnostic]

    /// Validates `topology`.
    public init(of topology: Topology) {
        self.init(topology: topology, errors: topology.validate().filter { $0.severity == .error })
    }

    /// A validation already done: `errors` are those of `topology`.
    init(topology: Topology, errors: [Diagnostic]) {
        self.topology = topology
        self.errors = errors
    }
}

extension AppState {
    /// The errors of `topology`: those kept when they are of this topology, else found now.
    public var errors: [Diagnostic] {
        if let validation, validation.topology == topology { return validation.errors }
        return Validation(of: topology).errors
    }

    /// Asks for a plan of `topology` when it is valid; an invalid topology has no
    /// plan (the inspector lists its errors instead).
    mutating func replan() -> [Effect] {
        if validation?.topology != topology { validation = Validation(of: topology) }
        guard validation?.errors.isEmpty == true else {
            plan = nil
            planSeconds = nil
            return []
        }
        return [.replan(topology)]
    }
}

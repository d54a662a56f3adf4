extension AssumptionMemo {
    /// The source, detector, window, dark and background counts, and wavelength assumptions of `link`, each string built once per
    /// distinct input (per source and detector, per node that names them, per window) and then shared.
    func equipment(_ link: ResolvedLink, timing: TimingBudget) -> [Assumption] {
        let records = link.inputs.resolved
        let sourceReference = link.inputs.sourceReference, detectorReference = link.inputs.detectorReference
        let source = Assumption(
            name: "source", value: memoized(\.sourceValues, RecordKey(records)) { LinkPlanner.sourceValue(link.source) },
            basis: memoized(\.sourceBases, RecordKey(records, sourceReference)) {
                LinkPlanner.sourceBasis(link.source, reference: sourceReference)
            })
        let detector = Assumption(
            name: "detector", value: memoized(\.detectorValues, RecordKey(records)) { LinkPlanner.detectorValue(link.detector) },
            basis: memoized(\.detectorBases, RecordKey(records, detectorReference)) {
                LinkPlanner.detectorBasis(link.detector, reference: detectorReference)
            })
        let key = WindowKey(window: timing.window, dark: timing.darkProbability, background: timing.backgroundRate)
        let window = memoized(\.windows, key) {
            LinkPlanner.windowAssumptions(timing)
        }
        return [source, detector] + window + [LinkPlanner.wavelengthAssumption(link)]
    }

    /// The value of `table` at `key`, built by `build` and kept the first time.
    private func memoized<Key: Hashable, Value>(_ table: ReferenceWritableKeyPath<AssumptionMemo, [Key: Value]>, _ key: Key,
                                                _ build: () -> Value) -> Value {
        if let found = self[keyPath: table][key] { return found }
        let built = build()
        self[keyPath: table][key] = built
        return built
    }
}

/// A link's shared source and detector records, with the key path that names one of them.
/// Holds the records, so that their identity cannot be reused while a memo keeps the key.
struct RecordKey: Hashable {
    let records: SharedRecords.Resolved
    let reference: String?

    init(_ records: SharedRecords.Resolved, _ reference: String? = nil) {
        self.records = records
        self.reference = reference
    }

    static func == (a: RecordKey, b: RecordKey) -> Bool { a.records === b.records && a.reference == b.reference }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(records))
        hasher.combine(reference)
    }
}

/// A detection window, its dark-count probability and the stray-light rate, with their bases.
struct WindowKey: Hashable {
    var window: Sourced<Double>
    var dark: Sourced<Double>
    var background: Sourced<Double>
}

import QNetModel

/// The keys of a detector that its kind does not read (an ingaas-apd's `electronic_noise`), which the plan would
/// otherwise ignore without a word (QA: the detector form marked the key as unused, and `check` said nothing).
enum UnusedDetectorKeys {
    /// Warnings, at `equipment.detectors.NAME.key`, for the keys written on each detector that the schema's scopes
    /// (`KeyScope.detectorKinds`) say its kind (`DetectorKindDefaults.defaultKind` when it names none) does not read.
    /// - Complexity: O(detectors · keys scoped to detector kinds); every plan passes here.
    static func warnings(_ equipment: Equipment) -> [Diagnostic] {
        equipment.detectors.flatMap { detector in
            (outOfScope[detector.kind ?? DetectorKindDefaults.defaultKind]?.held(by: detector) ?? []).map { key, warning in
                Diagnostic(.warning, warning, keyPath: "equipment.detectors.\(detector.name).\(key)")
            }
        }
    }

    /// For each kind, the keys such a detector does not read: worked out once, as `UnusedNodeKeys` does for nodes.
    private static let outOfScope: [DetectorKind: OutOfScopeKeys<Detector>] =
        Dictionary(uniqueKeysWithValues: DetectorKind.allCases.map { kind in
            (kind, OutOfScopeKeys(Detector.fields) { $0.unused(onDetector: kind) })
        })
}

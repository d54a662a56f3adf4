extension KeyScope {
    /// Why a detector of `kind` does not read the key, and what would make it: `not used on an ingaas-apd detector
    /// (only homodyne and heterodyne detectors read it): remove it, or change the kind`; nil when it does.
    public func misfit(detector kind: DetectorKind) -> String? {
        guard let detectorKinds, !detectorKinds.contains(kind) else { return nil }
        let article = "aeiou".contains(kind.rawValue.prefix(1)) ? "an" : "a"
        return "not used on \(article) \(kind.rawValue) detector (only \(Self.names(detectorKinds.map(\.rawValue))) detectors "
            + "read it): remove it, or change the kind"
    }
}

extension Field {
    /// The warning for this key written on a detector of `kind` that does not read it (`electronic_noise is not used on
    /// an ingaas-apd detector (…): remove it, or change the kind`); nil when the detector reads it.
    public func unused(onDetector kind: DetectorKind) -> String? {
        scope.misfit(detector: kind).map { "\(key) is \($0)" }
    }

    /// This field, read only by detectors of `kinds` (a detector key).
    public func only(detectors kinds: [DetectorKind]) -> Field {
        var field = self
        field.scope.detectorKinds = kinds
        return field
    }
}

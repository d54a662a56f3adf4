import QNetModel

/// A warning when a protocol that counts photons (decoy BB84, BBM92, MDI, twin-field, heralded entanglement) is given
/// a homodyne or heterodyne receiver, which measures field quadratures and counts none: the plan counts clicks with
/// it anyway, on the figures the warning lists. (The reverse, a photon counter on a cv-gg02 link, is an error of
/// `CVQKDLinkBuilder`: that link has no key to plan.)
enum CountingDetectorCheck {
    /// The warning for `detector` receiving a `protocolKind` link, or none when it suits the protocol or the protocol
    /// is cv-gg02; `subject` opens the message (`link L1`), `fallback` locates it when the detector's kind is not
    /// written in the file.
    static func warnings(_ detector: ResolvedDetector, protocolKind: ProtocolKind, subject: String, fallback: String)
        -> [Diagnostic] {
        let kind = detector.kind.value
        guard protocolKind != .cvGG02, !protocolKind.detectorKinds.contains(kind) else { return [] }
        // Each figure as the plan uses it (`50 ns dead time`), with its name and where it came from.
        let figures = [
            ("efficiency", "\(Format.percent(detector.efficiency.value)) efficiency", detector.efficiency.basis),
            ("dark counts", LinkPlanner.darkCounts(detector), (detector.darkCountProbability ?? detector.darkCountRate).basis),
            ("dead time", "\(Format.duration(detector.deadTime.value)) dead time", detector.deadTime.basis),
            ("jitter", "\(Format.duration(detector.jitter.value)) jitter", detector.jitter.basis),
            ("afterpulsing", "\(Format.percent(detector.afterpulseProbability.value)) afterpulsing",
             detector.afterpulseProbability.basis),
        ]
        let builtIn = figures.filter { Sourced<Double>.isBuiltIn($0.2) }.map(\.0)
        let counting = builtIn.filter { $0 != "efficiency" }
        var origins: [String] = []
        if builtIn.contains("efficiency") { origins.append("the efficiency is \(kind.rawValue.withIndefiniteArticle) receiver's built-in") }
        if !counting.isEmpty {
            origins.append("\(counting.joined(separator: ", ")): the built-in figures of the default kind, \(DetectorKindDefaults.defaultKind.rawValue)")
        }
        let counters = DetectorKind.allCases.filter(protocolKind.detectorKinds.contains).map(\.rawValue)
        let message = "\(subject): \(kind.rawValue.withIndefiniteArticle) detector measures field quadratures and counts no photons, "
            + "which \(protocolKind.rawValue) needs; the plan counts clicks with it as if it did, with "
            + figures.map(\.1).joined(separator: ", ")
            + (origins.isEmpty ? "" : " (\(origins.joined(separator: "; ")))")
            + ": name a photon counter (\(counters.joined(separator: ", "))), or use protocol cv-gg02 with a coherent-gaussian source"
        return [Diagnostic(.warning, message, keyPath: detector.kind.keyPath(else: fallback))]
    }
}

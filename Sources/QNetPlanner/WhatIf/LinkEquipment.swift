import QNetModel

/// The sender's source and the receiver's detector a link uses (its own, else
/// its end nodes'), and edits of the link that give it others.
struct LinkEquipment {
    /// The source's name and record; nil name: none named (the built-in default).
    let sourceName: String?
    let source: PhotonSource?
    /// The detector's name and record; nil name: none named (the built-in default).
    let detectorName: String?
    let detector: Detector?
    /// The link's wavelength after defaults, m.
    let wavelength: Double
    /// The link's fiber attenuation after defaults, dB/m (what a fiber link reads).
    let attenuation: Double

    /// The equipment of `topology.links[linkIndex]`, read from the link and its two end nodes alone.
    init(topology: Topology, linkIndex: Int, nodeIndex: [Identifier: Int]) {
        let inputs = Self.inputs(of: topology.links[linkIndex], in: topology, nodeIndex: nodeIndex)
        sourceName = inputs?.sourceName
        source = inputs?.source
        detectorName = inputs?.detectorName
        detector = inputs?.detector
        let resolved = inputs.map(ResolvedLink.init)
        wavelength = resolved?.wavelength.value ?? PlanningDefaults.wavelength.value
        attenuation = resolved?.attenuation.value ?? PlanningDefaults.fiberAttenuation.value
    }

    /// The physics inputs of `link` (a link of `topology`, or an edit of one) read from its two end nodes alone, with
    /// `topology`'s defaults and equipment; nil when an end is not a node of `topology`. Its key paths name a part
    /// of one link (`links[0]`), not `topology`'s.
    static func inputs(of link: Link, in topology: Topology, nodeIndex: [Identifier: Int]) -> LinkInputs? {
        var part = Topology(name: topology.name, links: [link])
        var partIndex: [Identifier: Int] = [:]
        for id in [link.from, link.to] where partIndex[id] == nil {
            guard let index = nodeIndex[id] else { continue }
            partIndex[id] = part.nodes.count
            part.nodes.append(topology.nodes[index])
        }
        part.defaults = topology.defaults
        part.equipment = topology.equipment
        return LinkInputs(topology: part, index: 0, nodeIndex: partIndex)
    }

    /// The source's kind after defaults.
    var sourceKind: SourceKind { ResolvedSource(record: source, name: sourceName).kind.value }
    /// The detector's kind after defaults.
    var detectorKind: DetectorKind { ResolvedDetector(record: detector, name: detectorName).kind.value }
    /// The detector's efficiency after defaults, 0...1.
    var detectorEfficiency: Double { ResolvedDetector(record: detector, name: detectorName).efficiency.value }

    /// A source name for `kind`: this link's when it fits (nil: the default), else the library's first that fits,
    /// else this link's (the planner then says why it gives no key).
    func source(for kind: ProtocolKind, in library: Equipment) -> String? {
        let kinds = kind.sourceKinds
        if kinds.isEmpty || kinds.contains(sourceKind) { return sourceName }
        return library.sources.first { kinds.contains(ResolvedSource(record: $0, name: $0.name).kind.value) }?.name ?? sourceName
    }

    /// A detector name for `kind`, chosen as `source(for:in:)` chooses a source.
    func detector(for kind: ProtocolKind, in library: Equipment) -> String? {
        if fits(detectorKind, kind) { return detectorName }
        return library.detectors.first { fits(ResolvedDetector(record: $0, name: $0.name).kind.value, kind) }?.name ?? detectorName
    }

    /// Whether a detector of kind `detector` can measure `kind` at the link's wavelength.
    func fits(_ detector: DetectorKind, _ kind: ProtocolKind) -> Bool {
        kind.detectorKinds.contains(detector) && detector.detects(wavelength: wavelength)
    }

    /// `link` and `equipment` with the receiver's detector replaced by a copy of efficiency `efficiency`,
    /// named `what-if-LINK-detector` and given to the link as its own `detector:`.
    func withEfficiency(_ efficiency: Quantity, on link: Link, in equipment: Equipment) -> (Link, Equipment) {
        var copy = detector ?? Detector(name: "")
        copy.name = "what-if-\(link.id)-detector"
        copy.efficiency = efficiency
        var edited = link
        edited.detector = copy.name
        var library = equipment
        library.detectors.removeAll { $0.name == copy.name }
        library.detectors.append(copy)
        return (edited, library)
    }
}

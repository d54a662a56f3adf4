/// The named choices a topology file offers, each spelled as in the file.
///
/// All are `String`-backed so that the schema reads and writes them by name.

/// What a node does on a path (see `topology-format.md`, "A node's kind").
public enum NodeKind: String, Sendable, Hashable, CaseIterable {
    case endpoint, trusted, repeater, relay, source, satellite
}

/// The physical medium of a link.
public enum Medium: String, Sendable, Hashable, CaseIterable {
    case fiber
    case freeSpace = "free-space"
    case satellite
}

/// The QKD or entanglement protocol run over a link.
public enum ProtocolKind: String, Sendable, Hashable, CaseIterable {
    case bb84Decoy = "bb84-decoy"
    case bbm92
    case mdi
    case twinField = "tf"
    case cvGG02 = "cv-gg02"
    case entanglement
}

/// How many detections survive basis sifting.
public enum Sifting: String, Sendable, Hashable, CaseIterable {
    /// Half of the detections are kept (random bases).
    case standard
    /// Biased bases keep almost all detections (Lo, Chau, Ardehali 2005).
    case efficient
}

/// Which end of a satellite link sends.
public enum LinkDirection: String, Sendable, Hashable, CaseIterable {
    case downlink, uplink
}

/// The Cn² profile used along a satellite uplink.
public enum TurbulenceProfile: String, Sendable, Hashable, CaseIterable {
    case hv57, none
}

/// The kind of photon source.
public enum SourceKind: String, Sendable, Hashable, CaseIterable {
    case weakCoherent = "weak-coherent"
    case spdc
    case singlePhoton = "single-photon"
    case coherentGaussian = "coherent-gaussian"
}

/// The decoy-state method of a weak-coherent source.
public enum DecoyKind: String, Sendable, Hashable, CaseIterable {
    case infinite
    case vacuumWeak = "vacuum+weak"
}

/// The kind of detector.
public enum DetectorKind: String, Sendable, Hashable, CaseIterable {
    case snspd
    case ingaasAPD = "ingaas-apd"
    case siAPD = "si-apd"
    case homodyne, heterodyne
}

/// How a detector's dead time loses counts.
public enum DeadTimeKind: String, Sendable, Hashable, CaseIterable {
    case nonParalysable = "non-paralysable"
    case paralysable
}

/// How an entanglement link is heralded.
public enum Heralding: String, Sendable, Hashable, CaseIterable {
    case singleClick = "single-click"
    case twoClick = "two-click"
}

/// Entanglement purification protocol at repeaters.
public enum Purification: String, Sendable, Hashable, CaseIterable {
    case dejmps
}

/// Twin-field QKD variant.
public enum TwinFieldVariant: String, Sendable, Hashable, CaseIterable {
    case sns, pm
}

/// Where CV-QKD excess noise is referred to.
public enum ExcessNoiseReference: String, Sendable, Hashable, CaseIterable {
    case channelInput = "channel-input"
    case receiver
}

/// The tail bound of a finite key's decoy estimates (`finite_key.tail_bound`).
public enum TailBoundKind: String, Sendable, Hashable, CaseIterable {
    /// Hoeffding's inequality on each basis total, as Lim et al. 2014.
    case hoeffding
    /// Chernoff bounds per intensity, as Yin et al. 2020 and SatQuMA.
    case chernoff
}

/// A value the engine may optimise: `auto`, or a fixed number.
public enum Tunable: Sendable, Hashable {
    case auto
    case fixed(Double)

    /// The fixed value, or nil when `auto`.
    public var fixedValue: Double? {
        if case .fixed(let value) = self { return value }
        return nil
    }
}

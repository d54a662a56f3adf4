import QNetModel

/// The value a link key takes in the plan and where it comes from (`2 %` from `defaults.misalignment`), for the
/// keys a link inherits: from its source (wavelength), from the file's `defaults:`, else the built-in default with
/// its reference. Read off the `ResolvedLink` the plan itself uses, so the workbench's form shows what the plan assumes.
public struct InheritedLinkValue: Sendable, Hashable {
    /// The value as a reader writes it (`2 %`, `0.2 dB/km`, `bb84-decoy`).
    public let value: String
    /// Where it comes from: a key path (`defaults.misalignment`) or `built-in default (reference)`.
    public let basis: String

    /// The value of each link key that can be inherited (`misalignment`, `attenuation`, …) for
    /// `topology.links[index]`, the link's own where it sets the key (attenuation and dispersion on fiber links
    /// only, the only ones that read them); nil when one of its nodes is missing.
    /// - Complexity: O(nodes), to find the link's two ends.
    public static func values(ofLinkAt index: Int, in topology: Topology) -> [String: InheritedLinkValue]? {
        guard topology.links.indices.contains(index) else { return nil }
        let link = topology.links[index]
        var ends: [Identifier: Int] = [:]
        for id in [link.from, link.to] { ends[id] = topology.nodeIndex(id) }
        guard let inputs = LinkInputs(topology: topology, index: index, nodeIndex: ends) else { return nil }
        let resolved = ResolvedLink(inputs)
        func quantity(_ sourced: Sourced<Double>, _ text: (Double) -> String) -> InheritedLinkValue {
            InheritedLinkValue(value: text(sourced.value), basis: sourced.basis)
        }
        var values = [
            "wavelength": quantity(resolved.wavelength) { "\(Format.number($0 * 1e9)) nm" },
            "clock_sync_jitter": quantity(resolved.clockSyncJitter, Format.duration),
            "protocol": InheritedLinkValue(value: resolved.protocolKind.value.rawValue, basis: resolved.protocolKind.basis),
            "misalignment": quantity(resolved.misalignment) { Format.percent($0) },
            "ec_efficiency": quantity(resolved.ecEfficiency) { Format.number($0) },
            "sifting": InheritedLinkValue(value: resolved.sifting.value.rawValue, basis: resolved.sifting.basis),
        ]
        if resolved.medium == .fiber {  // only a fiber link reads them
            values["attenuation"] = quantity(resolved.attenuation) { "\(Format.number($0 * 1e3)) dB/km" }
            values["dispersion"] = quantity(resolved.dispersion) { "\(Format.number($0 * 1e6)) ps/nm/km" }
        }
        return values
    }
}

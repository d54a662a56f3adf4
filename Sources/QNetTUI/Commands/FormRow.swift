/// One key of a record as a form shows it.
public struct FormRow: Sendable, Hashable {
    /// The key as in the file.
    public var key: String
    /// The schema's help for the key.
    public var help: String
    /// The value as the file writes it; nil when the key is absent.
    public var value: String?
    /// For keys naming an equipment entry (`detector`), which library they pick from.
    public var picks: EquipmentKind?
    /// What applies while the key is absent, when it comes from elsewhere: `spad-1 (from node B)`.
    public var inherited: String?
    /// For a key the record sets but does not read (a fiber link's `tx_aperture`), the warning that says so, as the
    /// planner words it: `tx_aperture is not used on a fiber link (…): remove it, or change the medium`.
    public var unused: String?

    public init(key: String, help: String, value: String?, picks: EquipmentKind? = nil, inherited: String? = nil) {
        self.key = key
        self.help = help
        self.value = value
        self.picks = picks
        self.inherited = inherited
    }

    /// The default the help names (`80 %` from "… (default 80 %)"), if any.
    public var defaultText: String? {
        guard let range = help.range(of: "(default ") else { return nil }
        let rest = help[range.upperBound...]
        guard let end = rest.lastIndex(of: ")") else { return nil }
        return String(rest[..<end])
    }

    /// The equipment name in effect: the key's own value, else the inherited one.
    public var effectiveName: String? {
        value ?? inheritedName
    }

    /// The name an inherited equipment key names (`spad-1` of `spad-1 (from node B)`).
    var inheritedName: String?
}

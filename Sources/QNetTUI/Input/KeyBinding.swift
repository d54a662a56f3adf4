/// A key binding as data: the keys, the action they trigger, and the help text
/// from which the help screen and the key bar are generated.
public struct KeyBinding: Sendable, Hashable {
    /// The keys that trigger the action (any one of them).
    public var keys: [Key]
    /// What the keys do.
    public var action: Action
    /// One line for the help screen.
    public var help: String
    /// A word or two for the key bar; nil keeps the binding out of the bar.
    public var barLabel: String?
    /// The pane that must have the focus for the binding to apply; nil applies everywhere.
    public var pane: Pane?
    /// Whether the key bar shows the binding only while a demand is selected (applying its what-if suggestions).
    public var barNeedsDemand: Bool

    public init(_ keys: [Key], _ action: Action, help: String, bar barLabel: String? = nil, pane: Pane? = nil,
                barNeedsDemand: Bool = false) {
        self.keys = keys
        self.action = action
        self.help = help
        self.barLabel = barLabel
        self.pane = pane
        self.barNeedsDemand = barNeedsDemand
    }

    /// The keys as written in help (`j/↓`).
    public var keyText: String { keys.map(\.description).joined(separator: "/") }
}

/// What a cell shows, not how it looks: the backend maps each role to colours
/// and attributes for the terminal at hand (256 colours, 8, or none).
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
    /// Ordinary text.
    case normal
    /// The selected item.
    case selection
    /// A link whose key has at least 3 dB of margin.
    case good
    /// A link with key but less than 3 dB of margin.
    case ok
    /// A link with no key.
    case bad
    /// Something to look at (a demand not met, a warning diagnostic).
    case warning
    /// An error message.
    case error
    /// Secondary text: units, sources, hints, unplanned links.
    case dim
    /// The title line.
    case title
    /// The status line.
    case statusBar
    /// A key's description in the key bar.
    case keyHint
    /// The key itself in the key bar and the help screen.
    case key
    /// A pane's border.
    case border
    /// The border of the pane that has the focus.
    case focusBorder
    /// A heading inside a pane.
    case heading
    /// A node on the map.
    case node
    /// The command line being typed.
    case commandLine
}

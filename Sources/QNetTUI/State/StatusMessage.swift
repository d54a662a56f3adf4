/// The message on the status line, and whether it reports a problem.
public struct StatusMessage: Sendable, Hashable {
    /// How the message is shown.
    public enum Kind: Sendable, Hashable {
        case info, warning, error
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }

    /// A message reporting a refusal or failure.
    public static func error(_ text: String) -> StatusMessage { StatusMessage(text, .error) }

    /// Whether the status line of a screen `width` columns wide shows the whole message (after its one-space margin).
    public func fitsStatusLine(width: Int) -> Bool {
        !text.contains(where: \.isNewline) && 1 + DisplayWidth.of(text) <= width
    }
}

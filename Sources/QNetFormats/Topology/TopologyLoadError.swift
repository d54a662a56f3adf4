import QNetModel

/// Why a topology file could not be loaded: every problem found, each with its place.
public struct TopologyLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found, sorted by line and column.
    public var diagnostics: [Diagnostic]

    /// The comments of a file that holds nothing else (no topology: empty, or only comments and blank lines), which
    /// the workbench starts a new network in; nil for any other error.
    public var emptyFileComments: TopologyComments?

    /// An error holding `diagnostics`, sorted by their place in the file; `emptyFileComments` when the file is empty.
    public init(_ diagnostics: [Diagnostic], emptyFileComments: TopologyComments? = nil) {
        self.diagnostics = TopologyLoadError.sorted(diagnostics)
        self.emptyFileComments = emptyFileComments
    }

    /// One diagnostic per line, as compilers print them (`file:line:col: error: key: message`).
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
            let right = (rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }
}

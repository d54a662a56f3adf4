import QNetModel

extension [Diagnostic] {
    /// Errors first, then warnings, then notes, each in the order given.
    var worstFirst: [Diagnostic] {
        enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    }
}

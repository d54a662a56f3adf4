import QNetModel

/// Where each key path of a topology file was written, kept after reading so that
/// diagnostics found later (the planner's) name their line and column as the reader's do.
public struct TopologySourceMap: Sendable {
    /// The file name that located diagnostics carry.
    public let file: String
    let marks: SourceMarks

    init(file: String, marks: SourceMarks) {
        self.file = file
        self.marks = marks
    }

    /// `diagnostics`, each located at its key path (`links[1].protocol`), else at the
    /// nearest enclosing key path written in the file (`links[1]`); a diagnostic with
    /// no key path, or none written in the file, keeps the location it had.
    public func locate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard let keyPath = diagnostic.keyPath, let place = marks.place(of: keyPath) else { return diagnostic }
            var located = diagnostic
            located.location = SourceLocation(file: file, line: place.line, column: place.column)
            return located
        }
    }
}

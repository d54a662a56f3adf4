import Yams

/// A line and column in a file, both counted from 1 (as Yams' `Mark` counts them).
struct Place: Hashable, Sendable {
    var line: Int
    var column: Int

    /// The start of a file.
    static let start = Place(line: 1, column: 1)
}

extension Place {
    /// The place of a Yams mark.
    init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }

    /// The place where `node` starts, or the start of the file for a node without a mark.
    init(of node: YAMLNode) {
        self = node.mark.map(Place.init) ?? .start
    }
}

/// Where each key path of a topology was written, so that diagnostics found
/// after reading (by `Topology.validate()`) can name their line and column.
struct SourceMarks: Sendable {
    private var places: [String: Place] = [:]

    /// Records that `keyPath` was written at `place` (the first record wins).
    mutating func record(_ keyPath: String, _ place: Place) {
        if places[keyPath] == nil { places[keyPath] = place }
    }

    /// The place of `keyPath`, else of its nearest enclosing key path
    /// (`links[0].length` → `links[0]` → `links`), else line 1, column 1.
    func locate(_ keyPath: String?) -> Place {
        place(of: keyPath ?? "") ?? .start
    }

    /// The place of `keyPath`, else of its nearest enclosing key path; nil when
    /// neither was written (a basis such as `built-in default` is no key path).
    func place(of keyPath: String) -> Place? {
        var path = keyPath
        while !path.isEmpty {
            if let place = places[path] { return place }
            path = SourceMarks.parent(of: path)
        }
        return nil
    }

    /// `links[0]` for `links[0].length`, `links` for `links[0]`, empty at the top.
    static func parent(of path: String) -> String {
        guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return "" }
        return String(path[..<cut])
    }
}

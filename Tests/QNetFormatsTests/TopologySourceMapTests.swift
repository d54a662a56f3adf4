import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// The plan's diagnostics, located in the file as the reader locates its own errors.
@Suite("Locating the plan's diagnostics")
struct TopologySourceMapTests {
    /// A topology that reads but whose plan has errors: tf is set once on a link (line 13,
    /// the value at column 15) and once through `defaults:` (so `links[0].protocol` is not written).
    private static let yaml = """
        qnet: 1
        name: plan errors
        defaults:
          protocol: tf
        nodes:
          - {id: A, kind: endpoint}
          - {id: B, kind: endpoint}
        links:
          - {id: L1, between: [A, B], medium: fiber, length: 20 km}
          - id: L2
            between: [A, B]
            length: 30 km
            protocol: tf
        demands:
          - {between: [A, B], key_rate: 1 kbit/s}
        """

    private func located() throws -> [Diagnostic] {
        let file = try TopologyReader.load(yaml: Self.yaml, file: "errors.qnet.yaml")
        let plan = Planner().plan(file.document.topology)
        return file.sourceMap.locate(plan.diagnostics)
    }

    @Test("an error at a key written in the file is located at its value")
    func writtenKey() throws {
        let diagnostic = try #require(try located().first { $0.keyPath == "links[1].protocol" })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: "errors.qnet.yaml", line: 13, column: 15))
    }

    @Test("an error at a key not written (inherited from defaults:) is located at its enclosing item")
    func enclosingKey() throws {
        let diagnostic = try #require(try located().first { $0.keyPath == "links[0].protocol" })
        #expect(diagnostic.location == SourceLocation(file: "errors.qnet.yaml", line: 9, column: 5))
    }

    @Test("a diagnostic with no key path, or a basis that is no key of the file, keeps no location")
    func noKey() throws {
        let file = try TopologyReader.load(yaml: Self.yaml, file: "errors.qnet.yaml")
        let unkeyed = Diagnostic(.warning, "segment search stopped at its bound")
        let basis = Diagnostic(.warning, "a silicon APD at 1550 nm", keyPath: "built-in default (Si APD)")
        #expect(file.sourceMap.locate([unkeyed, basis]).map(\.location) == [nil, nil])
    }
}

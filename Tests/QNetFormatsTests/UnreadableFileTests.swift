import Foundation
#if canImport(Glibc)
import Glibc
#endif
import QNetFormats
import QNetModel
import Testing

@Suite("Files that hold no topology: empty ones, and what is not a regular file")
struct UnreadableFileTests {
    /// The one error reading the file at `path` gives.
    private func error(reading path: String) throws -> Diagnostic {
        let error = try #require(throws: TopologyLoadError.self) { try TopologyReader.read(contentsOf: URL(fileURLWithPath: path)) }
        #expect(error.diagnostics.count == 1)
        return try #require(error.diagnostics.first)
    }

    @Test("a device, a pipe and a folder are refused as such, before reading (a pipe would wait for input)")
    func notRegularFiles() throws {
        #expect(try error(reading: "/dev/null").message == "cannot read the file: it is a device, not a regular file")
        try withTemporaryFolder { folder in
            #expect(try error(reading: folder.path).message == "cannot read the file: it is a folder")
            let pipe = folder.appendingPathComponent("net.qnet.yaml").path
            #expect(mkfifo(pipe, 0o644) == 0)
            let refused = try error(reading: pipe)
            #expect(refused.message == "cannot read the file: it is a pipe, not a regular file")
            #expect(refused.location == SourceLocation(file: pipe, line: 1, column: 1))
        }
    }

    /// Second reader: `qnetplan check <(generator)` stopped working when pipes were refused for the workbench.
    @Test("the command line reads a pipe to its end (readingPipes), as `check <(generator)` needs", .timeLimit(.minutes(1)))
    func pipeReadByTheCommandLine() throws {
        try withTemporaryFolder { folder in
            let pipe = folder.appendingPathComponent("net.qnet.yaml").path
            #expect(mkfifo(pipe, 0o644) == 0)
            let writer = Thread {
                FileHandle(forWritingAtPath: pipe)?.write(Data("qnet: 1\nname: piped\n".utf8))   // closed when released
            }
            writer.start()
            let file = try TopologyReader.load(contentsOf: URL(fileURLWithPath: pipe), readingPipes: true)
            #expect(file.document.topology.name == "piped")
        }
    }

    @Test("an empty file, or one of only blank lines and comments, is an error that carries those comments")
    func emptyFiles() throws {
        for yaml in ["", "  \n\n", "---\n"] {
            let error = try #require(throws: TopologyLoadError.self) { try TopologyReader.read(yaml: yaml, file: "e.yaml") }
            #expect(error.diagnostics.first?.message == "empty file: a topology needs at least `qnet: 1` and `name:`")
            #expect(error.emptyFileComments == TopologyComments())
        }
        let commented = "\n# Metro network\n#   drawn by hand  \n\n\n# v2\n"
        let error = try #require(throws: TopologyLoadError.self) { try TopologyReader.read(yaml: commented, file: "e.yaml") }
        let comments = try #require(error.emptyFileComments)
        #expect(comments.texts == ["# Metro network", "#   drawn by hand", "# v2"])
        // Written back at the top of the network started in the file.
        let document = TopologyDocument(topology: Topology(name: "metro"), comments: comments)
        #expect(TopologyWriter.yaml(document).hasPrefix("# Metro network\n#   drawn by hand\n\n# v2\n"))
        let broken = try #require(throws: TopologyLoadError.self) { try TopologyReader.read(yaml: "qnet: 1\n", file: "e.yaml") }
        #expect(broken.emptyFileComments == nil)
    }
}

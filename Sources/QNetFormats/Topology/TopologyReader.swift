import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import QNetModel
import Yams

/// Loads topology files (`.qnet.yaml`, see `topology-format.md`) into a `Topology`.
///
/// Every scalar is taken as its raw text and parsed by the model's fields, so
/// `1e-6` and `0.000001` read alike whatever YAML would guess. Loading reports
/// every problem it finds, each with file, line, column and key path: a value
/// is located at the value, an unknown or nested key (`position.x`) at the key.
/// Empty sections (`links:` with nothing under it) read as empty. `document`
/// keeps the file's comments too (`TopologyComments`), for saving it back;
/// `load` also the place of each key path (`TopologySourceMap`), for locating
/// the plan's diagnostics.
public enum TopologyReader {
    /// Loads the topology file at `url`.
    /// - Throws: `TopologyLoadError` with every problem found, including an
    ///   unreadable file or one that is not UTF-8 text.
    public static func read(contentsOf url: URL) throws(TopologyLoadError) -> Topology {
        try document(contentsOf: url).topology
    }

    /// Loads a topology from `yaml`, naming `file` in diagnostics.
    /// - Throws: `TopologyLoadError` with every problem found.
    public static func read(yaml: String, file: String) throws(TopologyLoadError) -> Topology {
        try document(yaml: yaml, file: file).topology
    }

    /// Loads the topology file at `url` with its comments.
    /// - Throws: `TopologyLoadError` with every problem found, including an
    ///   unreadable file or one that is not UTF-8 text.
    public static func document(contentsOf url: URL) throws(TopologyLoadError) -> TopologyDocument {
        try load(contentsOf: url).document
    }

    /// Loads a topology and its comments from `yaml`, naming `file` in diagnostics.
    /// - Throws: `TopologyLoadError` with every problem found.
    public static func document(yaml: String, file: String) throws(TopologyLoadError) -> TopologyDocument {
        try load(yaml: yaml, file: file).document
    }

    /// Loads the topology file at `url` with its comments and the place of each key path,
    /// so that the plan's diagnostics can be located too (`TopologySourceMap`).
    /// With `readingPipes`, a pipe is read to its end (`qnetplan check <(generator)`, which waits for its writer);
    /// without, it is refused as other files that are not regular are (the workbench must not wait on one).
    /// - Throws: `TopologyLoadError` with every problem found, including an
    ///   unreadable file or one that is not UTF-8 text.
    public static func load(contentsOf url: URL, readingPipes: Bool = false) throws(TopologyLoadError) -> TopologyFile {
        let file = url.relativePath
        if let kind = notRegularFile(url.path, readingPipes: readingPipes) {
            // Not read at all: a pipe or a terminal would wait for input, and /dev/null reads as an empty file.
            throw TopologyLoadError([Diagnostic(.error, "cannot read the file: \(kind)",
                                                location: SourceLocation(file: file, line: 1, column: 1))])
        }
        let data: Data
        do {
            // Foundation's whole-file read refuses a pipe ("permission"): a pipe is read as a stream, to its end.
            data = readingPipes && fileType(url.path) == S_IFIFO
                ? try FileHandle(forReadingFrom: url).readToEnd() ?? Data() : try Data(contentsOf: url)
        } catch {
            throw TopologyLoadError([Diagnostic(.error, unreadableReason(url, error),
                                                location: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            let line = firstLineNotUTF8(data)
            throw TopologyLoadError([Diagnostic(.error, "the file is not UTF-8 text (line \(line) holds bytes that are not UTF-8)",
                                                location: SourceLocation(file: file, line: line, column: 1))])
        }
        return try load(yaml: yaml, file: file)
    }

    /// Loads a topology, its comments and the place of each key path from `yaml`,
    /// naming `file` in diagnostics.
    /// - Throws: `TopologyLoadError` with every problem found.
    public static func load(yaml: String, file: String) throws(TopologyLoadError) -> TopologyFile {
        let root: YAMLNode?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw TopologyLoadError([YAMLSyntaxError.diagnostic(for: error, in: yaml, file: file)])
        }
        guard let root, !root.isNull else {
            throw TopologyLoadError([Diagnostic(.error, "empty file: a topology needs at least `qnet: 1` and `name:`",
                                                location: SourceLocation(file: file, line: 1, column: 1))],
                                    emptyFileComments: TopologyComments(ofEmptyFile: yaml))
        }
        var decoder = TopologyDecoder(file: file)
        let topology = decoder.decode(root)
        let problems = decoder.diagnostics + decoder.locate(topology.validate(sectionOrder: decoder.sectionOrder, refused: decoder.refused))
        if problems.contains(where: { $0.severity == .error }) {
            throw TopologyLoadError(problems)
        }
        let document = TopologyDocument(topology: topology, comments: TopologyComments(yaml: yaml, root: root, topology: topology))
        return TopologyFile(document: document, sourceMap: TopologySourceMap(file: file, marks: decoder.marks))
    }

    private static func unreadableReason(_ url: URL, _ error: any Error) -> String {
        guard FileManager.default.fileExists(atPath: url.path) else { return "cannot read the file: no such file" }
        return "cannot read the file: \(error.localizedDescription)"
    }

    /// What the file at `path` (through a symbolic link, the file it names) is when it is not a regular file: a
    /// folder, a device, a pipe (unless `readingPipes`) or a socket; nil for a regular file, or none.
    private static func notRegularFile(_ path: String, readingPipes: Bool) -> String? {
        guard let type = fileType(path) else { return nil }
        switch type {
        case S_IFREG: return nil
        case S_IFIFO where readingPipes: return nil
        case S_IFDIR: return "it is a folder"
        case S_IFCHR, S_IFBLK: return "it is a device, not a regular file"
        case S_IFIFO: return "it is a pipe, not a regular file"
        default: return "it is a socket, not a regular file"
        }
    }

    /// The type bits (`S_IFMT`) of the file at `path`, through a symbolic link; nil when there is none.
    private static func fileType(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    /// The 1-based number of the first line that is not valid UTF-8.
    private static func firstLineNotUTF8(_ data: Data) -> Int {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let bad = lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil }
        return (bad ?? 0) + 1
    }
}

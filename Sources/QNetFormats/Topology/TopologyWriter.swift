import Foundation
import QNetModel
import Yams

/// Saves a `Topology` as a topology file (`.qnet.yaml`, see `topology-format.md`).
///
/// The text is deterministic: top-level keys in the order qnet, name,
/// description, sources, defaults, equipment (sources, detectors, memories),
/// nodes, links, demands; each record's keys in the order of its `Field` table;
/// absent keys and empty sections left out; `between`, `position` and other
/// short mappings in flow style. Loading the text gives back an equal topology,
/// and saving that gives the same bytes. A document's comments are put back in
/// their places (`TopologyComments`); without comments the text is the same.
public enum TopologyWriter {
    /// The topology file's text for `topology`.
    public static func yaml(_ topology: Topology) -> String {
        do {
            return wrapFolded(try Yams.serialize(node: TopologyEncoder.document(topology), indent: 2, width: -1, allowUnicode: true))
        } catch {
            // The encoder builds only plain mappings, lists and scalars, which libyaml always emits.
            preconditionFailure("Yams could not emit a topology document: \(error)")
        }
    }

    /// Lines of a folded block (`>-`) are wrapped to at most this many characters where they can be.
    static let foldWidth = 100

    /// `text` with the content line of the description's folded block (`description: >-` or `>` at the top level, and
    /// the one line the emitter writes under it) wrapped at single spaces to `foldWidth`: in a folded block a line
    /// break between two lines that do not start with a space reads back as one space, so the text loads as it was.
    /// Only that key is written folded (`TopologyEncoder.prose`); a line that merely ends in `: >-` inside another
    /// block is text, and is left alone.
    static func wrapFolded(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        // A top-level key sits at column 0: no line of a block scalar does.
        guard let header = lines.firstIndex(where: { $0 == "description: >-" || $0 == "description: >" }),
              header + 1 < lines.count else { return text }
        let content = lines[header + 1]
        let indent = String(content.prefix { $0 == " " })
        var rest = content.dropFirst(indent.count)
        guard content.count > foldWidth, !rest.hasPrefix(" ") else { return text }
        // Split only at a space with a non-space on each side, so that no space is lost or added.
        var wrapped: [String] = []
        while let space = breakPoint(in: rest, within: foldWidth - indent.count) {
            wrapped.append(indent + rest[..<space])
            rest = rest[rest.index(after: space)...]
        }
        wrapped.append(indent + rest)
        lines.replaceSubrange((header + 1)...(header + 1), with: wrapped)
        return lines.joined(separator: "\n")
    }

    /// The last single space of `text` before `limit` characters with a non-space on each side (the first one
    /// after `limit` when there is none before), nil when `text` fits or has none.
    private static func breakPoint(in text: Substring, within limit: Int) -> String.Index? {
        guard text.count > limit else { return nil }
        var best: String.Index?
        var offset = 0
        var previous: Character?
        for index in text.indices {
            let next = text.index(after: index)
            if text[index] == " ", let before = previous, before != " ", next < text.endIndex, text[next] != " " {
                if offset < limit || best == nil { best = index }
                if offset >= limit { break }
            }
            previous = text[index]
            offset += 1
        }
        return best
    }

    /// The topology file's text for `document`: its topology's text with its comments.
    public static func yaml(_ document: TopologyDocument) -> String {
        document.comments.weave(into: yaml(document.topology), of: document.topology)
    }

    /// Saves `document` to `url` atomically, as `write(_:to:)` saves a topology.
    /// - Throws: `FileSaveError` naming the file and the reason.
    public static func write(_ document: TopologyDocument, to url: URL) throws(FileSaveError) {
        try AtomicFile.write(Data(yaml(document).utf8), to: url)
    }

    /// Saves `topology` to `url` atomically: a temporary file in the same folder
    /// is written, flushed to disk and renamed over the target, whose permissions
    /// are kept. On failure the old file is untouched and no temporary file is left.
    /// - Throws: `FileSaveError` naming the file and the reason.
    public static func write(_ topology: Topology, to url: URL) throws(FileSaveError) {
        try AtomicFile.write(Data(yaml(topology).utf8), to: url)
    }
}

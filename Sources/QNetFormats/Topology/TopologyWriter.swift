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
            return try Yams.serialize(node: TopologyEncoder.document(topology), indent: 2, width: -1, allowUnicode: true)
        } catch {
            // The encoder builds only plain mappings, lists and scalars, which libyaml always emits.
            preconditionFailure("Yams could not emit a topology document: \(error)")
        }
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

import QNetModel
import Yams

/// The key paths (`CommentAnchor`s) that start on each line of a topology
/// file's text, read from its composed YAML tree and named with its topology:
/// the n-th item of `nodes:` is the topology's n-th node, named by its id.
struct LineAnchors {
    /// The shallowest anchor that starts on each line (lines counted from 1).
    private(set) var firstOnLine: [Int: CommentAnchor] = [:]
    /// The line each anchor starts on; an anchor inside a flow collection
    /// (`extra_losses: {connectors: 1 dB}`) starts on its collection's line.
    private(set) var lineOf: [CommentAnchor: Int] = [:]
    /// The lines that have an anchor, in order.
    let lines: [Int]

    /// The anchors of the document `root` of `topology`.
    init(root: YAMLNode, topology: Topology) {
        var anchors = Builder(topology: topology)
        anchors.walk(root, at: CommentAnchor([]))
        firstOnLine = anchors.firstOnLine
        lineOf = anchors.lineOf
        lines = firstOnLine.keys.sorted()
    }

    /// The last line at or above `line` on which an anchor starts (1 when none does).
    /// - Complexity: O(log n) in the number of lines with an anchor.
    func lineStartingAnchor(atOrAbove line: Int) -> Int {
        let position = lastPosition(atOrAbove: line)
        return position < 0 ? 1 : lines[position]
    }

    /// The position in `lines` of the last line at or above `line`, -1 when there is none.
    private func lastPosition(atOrAbove line: Int) -> Int {
        var low = 0, high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle] <= line { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    /// The anchor that `line` belongs to: the one starting on it, else the nearest
    /// one above it (for the inner lines of a text or list written over several lines).
    /// - Complexity: O(log n) in the number of lines with an anchor.
    func governing(_ line: Int) -> CommentAnchor? {
        let position = lastPosition(atOrAbove: line)
        return position < 0 ? nil : firstOnLine[lines[position]]
    }

    /// The item or key that a comment block indented deeper than the line after it belongs to: on the way
    /// to the anchor of `previous`, the last line above the block, the deepest one that starts on a line of
    /// its own indented less than the block's first comment (indented `column` columns), below the
    /// deepest anchor that also holds `next`, the anchor of the line after the block (nil at the end of the file).
    /// nil when `previous` has no anchor or lies in `next`'s.
    func enclosing(below previous: Int, before next: CommentAnchor?, column: Int,
                   lines text: [[Unicode.Scalar]]) -> CommentAnchor? {
        guard let above = governing(previous) else { return nil }
        let shared = next.map { zip(above.steps, $0.steps).prefix { $0 == $1 }.count } ?? 0
        guard shared < above.steps.count else { return nil }
        var depth = shared + 1
        while depth < above.steps.count {
            let (outer, inner) = (CommentAnchor(Array(above.steps.prefix(depth))), CommentAnchor(Array(above.steps.prefix(depth + 1))))
            guard let outerLine = lineOf[outer], let innerLine = lineOf[inner], innerLine != outerLine,
                  TopologyComments.indentation(of: text[innerLine - 1]) < column else { break }
            depth += 1
        }
        return CommentAnchor(Array(above.steps.prefix(depth)))
    }

    /// The last line of `anchor`'s text: the line before the next anchor that does not lie inside it,
    /// or `lineCount` when none follows.
    /// - Complexity: O(log n + k) for k lines inside the anchor's text.
    func lastLine(of anchor: CommentAnchor, lineCount: Int) -> Int? {
        guard let start = lineOf[anchor] else { return nil }
        for position in (lastPosition(atOrAbove: start) + 1)..<lines.count {
            if let other = firstOnLine[lines[position]], !other.steps.starts(with: anchor.steps) { return lines[position] - 1 }
        }
        return lineCount
    }

    /// Walks the tree in document order, so that the first anchor recorded on a line is its shallowest.
    private struct Builder {
        let topology: Topology
        var firstOnLine: [Int: CommentAnchor] = [:]
        var lineOf: [CommentAnchor: Int] = [:]

        mutating func walk(_ node: YAMLNode, at anchor: CommentAnchor) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    guard case .scalar(let name) = key else { continue }
                    let child = anchor.appending(.key(name.string))
                    record(child, at: key)
                    walk(value, at: child)
                }
            case .sequence(let sequence):
                let ids = itemIDs(of: anchor)
                for (index, item) in sequence.enumerated() {
                    let child = anchor.appending(index < ids?.count ?? 0 ? .item(ids![index].rawValue) : .index(index))
                    record(child, at: item)
                    walk(item, at: child)
                }
            case .scalar, .alias:
                break
            }
        }

        private mutating func record(_ anchor: CommentAnchor, at node: YAMLNode) {
            guard let line = node.mark?.line else { return }
            if firstOnLine[line] == nil { firstOnLine[line] = anchor }
            if lineOf[anchor] == nil { lineOf[anchor] = line }
        }

        /// The ids that name the items of `list` when it is `nodes`, `links` or `demands`; nil for
        /// other lists, whose items are named by position.
        private func itemIDs(of list: CommentAnchor) -> [Identifier]? {
            switch list.steps {
            case [.key(TopLevelKey.nodes.rawValue)]: return topology.nodes.map(\.id)
            case [.key(TopLevelKey.links.rawValue)]: return topology.links.map(\.id)
            case [.key(TopLevelKey.demands.rawValue)]: return topology.demands.map(\.resolvedID)
            default: return nil
            }
        }
    }
}

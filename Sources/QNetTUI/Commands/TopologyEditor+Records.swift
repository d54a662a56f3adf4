import QNetModel
import QNetPlanner

extension TopologyEditor {
    /// The keys of `record` in `topology`, in the schema's order, with their values; nil if it does not exist.
    /// An equipment entry starts with its name; a link's source and detector say what they inherit, and so do
    /// the keys it takes from its source, the file's `defaults:` or the built-in defaults (with the value and where from).
    /// A link lists the keys its medium, protocol and direction read (the schema's `Field.scope`), a node those its kind
    /// reads, and each every key it sets, those it does not read saying so (`FormRow.unused`). A node's list does not
    /// follow the protocols of its segments: a repeater's memory is set before its links are wired, and the plan warns
    /// at a key that no segment through the node reads.
    public static func rows(of record: Selection, in topology: Topology) -> [FormRow]? {
        func rows<R: SchemaRecord>(_ value: R) -> [FormRow] {
            R.fields.map { field in
                let picks: EquipmentKind? = switch record {
                case .node, .link: EquipmentKind(key: field.key)
                default: nil
                }
                return FormRow(key: field.key, help: field.helpWithUnits, value: field.read(value).map(describe), picks: picks)
            }
        }
        func equipmentRows<R: SchemaRecord>(_ value: R?, name: String) -> [FormRow]? {
            value.map { [FormRow(key: "name", help: nameHelp, value: name)] + rows($0) }
        }
        switch record {
        case .node(let id):
            return topology.node(id).map { node in
                zip(Node.fields, rows(node)).compactMap { field, row in
                    var row = row
                    if row.key == "id" { row.help = nodeIDHelp }
                    row.unused = field.unused(on: node.resolvedKind, holdsKey: node.holdsKey)
                    return row.value == nil && row.unused != nil ? nil : row
                }
            }
        case .link(let id):
            guard let index = topology.linkIndex(id) else { return nil }
            let link = topology.links[index]
            let inherited = InheritedLinkValue.values(ofLinkAt: index, in: topology) ?? [:]
            let protocolKind = inherited["protocol"].flatMap { ProtocolKind(rawValue: $0.value) }
                ?? link.protocolKind ?? topology.defaults.protocolKind ?? .bb84Decoy
            return zip(Link.fields, rows(link)).compactMap { field, row in
                let unused = field.unused(on: link.resolvedMedium, running: protocolKind, direction: link.resolvedDirection)
                guard row.value == nil else {
                    var row = row
                    row.unused = unused
                    return row
                }
                guard unused == nil else { return nil }
                var row = row
                if let value = inherited[row.key] {
                    row.inherited = "\(value.value) (\(value.basis))"
                    return row
                }
                guard let kind = row.picks else { return row }
                if let (name, node) = EquipmentUse.name(of: kind, for: link, in: topology), let node {
                    row.inherited = "\(name) (from node \(node))"
                    row.inheritedName = name
                } else {
                    row.inherited = "the planner's built-in \(kind.rawValue)"
                }
                return row
            }
        case .demand(let id):
            return topology.demandIndex(id).map { rows(topology.demands[$0]) }
        case .equipment(.source, let name):
            return equipmentRows(topology.equipment.source(named: name), name: name)
        case .equipment(.detector, let name):
            guard let detector = topology.equipment.detector(named: name) else { return nil }
            let kind = detector.kind ?? DetectorKindDefaults.defaultKind
            let unused = Dictionary(uniqueKeysWithValues: Detector.fields.map { ($0.key, $0.unused(onDetector: kind)) })
            // As a node's form: a key the kind does not read is left out, or marked when the entry sets it.
            return equipmentRows(detector, name: name)?.compactMap { row in
                var row = row
                row.unused = unused[row.key] ?? nil
                guard row.value == nil else { return row }
                guard row.unused == nil else { return nil }
                guard let figure = kind.builtInDefaults.figure(forKey: row.key) else { return row }
                row.inherited = "\(figure.quantity.text) (\(kind.rawValue) default)"
                return row
            }
        case .equipment(.memory, let name):
            return equipmentRows(topology.equipment.memory(named: name), name: name)
        case .defaults:
            return rows(topology.defaults)
        }
    }

    /// The help of a node's id row.
    static let nodeIDHelp = "unique id, [A-Za-z0-9_-]+ (renaming updates the links and demands that name it)"

    /// The help of an equipment entry's name row.
    static let nameHelp = "the entry's name, as nodes and links name it (renaming updates them)"
}

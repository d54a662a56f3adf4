import QNetModel

/// A parsed `:` command. The syntax is stable: people script it.
public enum Command: Sendable, Hashable {
    /// `:w [FILE]`, or `:w! [FILE]` when `force` (replace the file even if another program changed it): FILE, when it
    /// is not the workbench's file, gets a copy and the workbench stays on its file (unless it has none yet).
    case write(path: String?, force: Bool)
    /// `:saveas FILE` (`:sav FILE`), or `:saveas! FILE` when `force`: write FILE, which becomes the workbench's file.
    case saveAs(path: String, force: Bool)
    /// `:wq`, or `:wq!` when `force`.
    case writeQuit(force: Bool)
    /// `:q`, or `:q!` when `force`.
    case quit(force: Bool)
    /// `:e FILE`, or `:e! FILE` when `force`; without a path, the workbench's file read again.
    case edit(path: String?, force: Bool)
    /// `:export FILE`
    case export(path: String, force: Bool)
    /// `:select ID`
    case select(Identifier)
    /// `:set ID.KEY VALUE`; `keyPath` may name an inner key (`position.x`, `pass.min_elevation`).
    case set(id: Identifier, keyPath: [String], value: String)
    /// `:add node ID KIND X Y [ALTITUDE]`; x and y as written (bare numbers are km).
    case addNode(id: Identifier, kind: String, x: String, y: String, altitude: String?)
    /// `:add link ID A B MEDIUM [LENGTH]`
    case addLink(id: Identifier, from: Identifier, to: Identifier, medium: String, length: String?)
    /// `:set name TEXT`, `:set description TEXT`: the topology's own texts.
    case setTopology(TopologyText, String)
    /// `:add demand A B RATE [ID]`
    case addDemand(from: Identifier, to: Identifier, rate: String, id: Identifier?)
    /// `:add source NAME [KIND]`, `:add detector NAME [KIND]`, `:add memory NAME`
    case addEquipment(EquipmentKind, name: String, model: String?)
    /// `:del ID` (also `:del sources.NAME`)
    case delete(Identifier)
    /// `:undo`
    case undo
    /// `:redo`
    case redo
}

/// Why a command line could not be parsed: what is wrong and the usage that fits.
public struct CommandError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    /// A request refused as the network or the workbench stands (an id taken, unsaved edits), not misread: its
    /// message starts with `refused: `, as every refusal's does.
    public static func refused(_ reason: String) -> CommandError { CommandError("refused: " + reason) }

    public var description: String { message }
}

import Foundation
import QNetFormats
import QNetModel
import QNetPlanner

/// What the workbench needs from the engine, as closures: reading and writing
/// topology files, and planning. The command line passes the real reader,
/// writer and planner; tests pass fakes.
public struct WorkbenchServices: Sendable {
    /// Reads the topology file at a path with its comments; throws an error whose description
    /// says what is wrong and where.
    public var load: @Sendable (String) throws -> TopologyDocument
    /// Writes a topology, with its file's comments, to a path (atomically).
    public var save: @Sendable (TopologyDocument, String) throws -> Void
    /// Plans a topology.
    public var plan: @Sendable (Topology) -> Plan
    /// When the file at a path was last modified; nil when there is no such file.
    public var modified: @Sendable (String) -> Date?
    /// Removes the file at a path; a missing file is not an error.
    public var remove: @Sendable (String) throws -> Void
    /// Whether there is a file at a path (opening a path without one starts a new file).
    public var exists: @Sendable (String) -> Bool
    /// Whether a path names a folder (through symbolic links), which no save writes over.
    public var isFolder: @Sendable (String) -> Bool
    /// Whether two paths name one file (the same device and inode, through symbolic links); false when either is not
    /// there.
    public var sameFile: @Sendable (String, String) -> Bool
    /// Whether the file at a path is one its user made read-only (`ReadOnlyFile`), which a save replaces only when
    /// told to (`:w!`); false when there is no file.
    public var isReadOnly: @Sendable (String) -> Bool
    /// The fingerprint of what the file at a path holds; nil when there is no such file (or it cannot be read).
    public var fingerprint: @Sendable (String) -> FileFingerprint?
    /// Takes (or keeps) this workbench's claim on the autosave at a path, besides those it holds; false when another
    /// workbench (another process) has it, having opened the same file.
    public var claimAutosave: @Sendable (String) -> Bool
    /// Whether no other workbench has a claim on the autosave at a path (this one's own counts as free).
    public var autosaveIsFree: @Sendable (String) -> Bool
    /// The autosaves that workbenches kept of the file at a path (`Autosave.path(for:process:instance:)`) and left
    /// when they ended (killed, crashed, or their terminal went away), each now claimed by this workbench; one that a
    /// running workbench still holds is not among them. Whatever process id they name: an earlier process may have
    /// had this one's. Lock files left without their autosave, which nobody holds, go meanwhile.
    public var claimLeftAutosaves: @Sendable (String) -> [String]
    /// Names and claims this workbench's own autosave of the file at a path, kept while another workbench keeps the
    /// usual one or the usual one is kept undecided: one of `Autosave.path(for:process:instance:)` with this
    /// process's id and no file there (an earlier process with the same id may have left one).
    public var claimOwnAutosave: @Sendable (String) -> String
    /// Lets go of the claim on an autosave another workbench left, and its lock file, once it is removed.
    public var releaseLeftAutosave: @Sendable (String) -> Void
    /// Lets go of this workbench's claims (when it opens another file, and when it quits).
    public var releaseAutosave: @Sendable () -> Void

    public init(load: @escaping @Sendable (String) throws -> TopologyDocument,
                save: @escaping @Sendable (TopologyDocument, String) throws -> Void,
                plan: @escaping @Sendable (Topology) -> Plan,
                modified: @escaping @Sendable (String) -> Date? = { _ in nil },
                remove: @escaping @Sendable (String) throws -> Void = { _ in },
                exists: @escaping @Sendable (String) -> Bool = { _ in true },
                isFolder: @escaping @Sendable (String) -> Bool = { _ in false },
                sameFile: @escaping @Sendable (String, String) -> Bool = { _, _ in false },
                isReadOnly: @escaping @Sendable (String) -> Bool = { _ in false },
                fingerprint: @escaping @Sendable (String) -> FileFingerprint? = { _ in nil },
                claimAutosave: @escaping @Sendable (String) -> Bool = { _ in true },
                autosaveIsFree: @escaping @Sendable (String) -> Bool = { _ in true },
                claimLeftAutosaves: @escaping @Sendable (String) -> [String] = { _ in [] },
                claimOwnAutosave: @escaping @Sendable (String) -> String = {
                    Autosave.path(for: $0, process: ProcessInfo.processInfo.processIdentifier)
                },
                releaseLeftAutosave: @escaping @Sendable (String) -> Void = { _ in },
                releaseAutosave: @escaping @Sendable () -> Void = {}) {
        self.load = load
        self.save = save
        self.plan = plan
        self.modified = modified
        self.remove = remove
        self.exists = exists
        self.isFolder = isFolder
        self.sameFile = sameFile
        self.isReadOnly = isReadOnly
        self.fingerprint = fingerprint
        self.claimAutosave = claimAutosave
        self.autosaveIsFree = autosaveIsFree
        self.claimLeftAutosaves = claimLeftAutosaves
        self.claimOwnAutosave = claimOwnAutosave
        self.releaseLeftAutosave = releaseLeftAutosave
        self.releaseAutosave = releaseAutosave
    }

    /// Writes the report of `plan` (of `topology`) with its what-ifs to `path`, in `format`.
    public static func writeReport(_ plan: Plan, of topology: Topology, as format: ReportFormat, to path: String) throws {
        let whatIf = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        try AtomicFile.write(Data(format.render(plan, of: topology, whatIf: whatIf).utf8), to: URL(fileURLWithPath: path))
    }
}

/// A failure of a service, with a message for the status line.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

import Foundation

/// Where unsaved edits are kept between saves, and when they are written and offered back.
///
/// The autosave of `dir/net.qnet.yaml` is the hidden sibling `dir/.net.qnet.yaml.autosave`,
/// written (atomically, by the save service) after a few seconds without input when
/// there are edits it does not hold yet, and when the terminal goes away (SIGTERM,
/// SIGHUP). It is removed once the file is saved, or the user discards it or quits
/// without saving. A second workbench on the same file keeps its own (`path(for:process:instance:)`),
/// while the first holds its claim on the usual one (`AutosaveClaim`), and so does a workbench whose user keeps the
/// usual one undecided when it is offered; one left by a workbench that ended is offered back on opening like the
/// usual one.
public enum Autosave {
    /// Seconds without input after an edit before the autosave is written.
    public static let idleSeconds = 3.0

    /// The autosave file of the topology file at `path`.
    public static func path(for path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = "." + (path as NSString).lastPathComponent + ".autosave"
        return directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
    }

    /// The autosave of the topology file at `path` kept by the workbench in process `process` while another
    /// workbench keeps the usual one: `dir/.net.qnet.yaml.PID.autosave`, or `.PID.N.autosave` for the `instance` N
    /// from 2 (process ids are reused: a workbench takes the first of these names with no file there). The workbench
    /// names it when it opens the file; once that workbench has ended, opening the file offers it back.
    public static func path(for path: String, process: Int32, instance: Int = 1) -> String {
        let usual = Self.path(for: path)
        return String(usual.dropLast(".autosave".count)) + ".\(process)" + (instance > 1 ? ".\(instance)" : "")
            + ".autosave"
    }

    /// The autosaves workbenches kept of the topology file at `path` (`path(for:process:instance:)`), among the
    /// `names` in its folder, in the order given: whatever process id they name, this process's too (an earlier
    /// process may have had it). Not one that is the usual autosave of a file in the folder: `.net.qnet.yaml.5.autosave`
    /// is that of `net.qnet.yaml.5` when there is such a file.
    public static func perProcessPaths(for path: String, among names: [String]) -> [String] {
        let usual = (Self.path(for: path) as NSString).lastPathComponent
        let stem = String(usual.dropLast("autosave".count)), folder = (path as NSString).deletingLastPathComponent
        let files = Set(names)
        return names.filter { name in
            guard name.hasPrefix(stem), name.hasSuffix(".autosave"),
                  !files.contains(String(name.dropFirst().dropLast(".autosave".count))) else { return false }
            let numbers = name.dropFirst(stem.count).dropLast(".autosave".count).split(separator: ".",
                                                                                      omittingEmptySubsequences: false)
            return switch numbers.count {
            case 1: isProcess(numbers[0])
            case 2: isProcess(numbers[0]) && Int(numbers[1]).map { $0 > 1 && "\($0)" == numbers[1] } == true
            default: false
            }
        }.map { folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }
    }

    /// Whether `digits` are a process id as `path(for:process:instance:)` writes it.
    private static func isProcess(_ digits: Substring) -> Bool {
        Int32(digits).map { $0 > 0 && "\($0)" == digits } == true
    }

    /// Whether an autosave modified at `autosaveModified` is newer than the file, modified at `fileModified` (nil:
    /// there is no file, e.g. it was never saved).
    public static func isNewer(_ autosaveModified: Date, than fileModified: Date?) -> Bool {
        fileModified.map { autosaveModified > $0 } ?? true
    }

    /// Whether to write the autosave now: there is a file name, edits not yet
    /// saved nor autosaved, and the user has been idle for `idleSeconds`.
    public static func isDue(_ state: AppState, idleSeconds seconds: Double) -> Bool {
        state.filePath != nil && state.isDirty && state.topology != state.autosavedTopology && seconds >= idleSeconds
            && state.drag == nil
    }
}

import Foundation
import QNetFormats
import QNetModel
import QNetPlanner

/// Performs effects with the services and answers each with the actions that
/// report its outcome. The only place the workbench touches files or the planner.
public struct EffectRunner: Sendable {
    public var services: WorkbenchServices

    public init(services: WorkbenchServices) { self.services = services }

    /// Runs `effect`; `.quit` and `.discardTypedAhead` are the event loop's business and yield no action.
    public func run(_ effect: Effect) -> [Action] {
        switch effect {
        case .save(let document, let path, let check, let kind, let own):
            // Another name of the workbench's file (a link to it): saved as the file, under its own name, and checked
            // as :w (or :w!) checks it.
            if let own, services.sameFile(path, own.path) {
                return run(.save(document, path: own.path, check: check == .overwrite ? .overwrite : .unchangedSince(own.fingerprint)))
            }
            // Refused at once: no :w! writes over a folder.
            if services.isFolder(path) { return [.failed("cannot write \(path): it is a folder")] }
            // Changed on disk first: a read-only refusal would send the user to :w!, which writes over what changed
            // (a version-control sync rewrites read-only files under an open workbench).
            if case .unchangedSince(let expected) = check, let current = services.fingerprint(path), current != expected {
                return [.changedOnDisk(path: path, readOnly: services.isReadOnly(path))]
            }
            if check != .overwrite, services.isReadOnly(path) {
                // The workbench's own file (checked against what it read) is written over with :w! alone.
                let ownFile = if case .unchangedSince = check { true } else { false }
                return [.readOnly(path: path, retry: ownFile ? ":w!" : Self.forced(kind, path))]
            }
            if check == .absent, services.exists(path) { return [.fileExists(path: path, retry: Self.forced(kind, path))] }
            do {
                try services.save(document, path)
                if kind == .copy { return [.wroteCopy(document.topology, path: path)] }
                return [.saved(document.topology, path: path, fingerprint: services.fingerprint(path))]
            } catch {
                return [.failed("could not write \(path): \(error)")]
            }
        case .open(let path):
            guard services.exists(path) else {
                // A new file, to be written at the first save: refused now when its folder is not there to hold it.
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty, !services.exists(folder) {
                    return [.failed("cannot start \(path): there is no folder \(folder)")]
                }
                return [.newFile(path: path)]
            }
            // Fingerprinted before reading: a change made in between then refuses the next save, rather than being lost.
            let fingerprint = services.fingerprint(path)
            do {
                return [.loaded(try services.load(path), path: path, fingerprint: fingerprint)]
            } catch let error as TopologyLoadError where error.emptyFileComments != nil {
                // Started anew, as a file that is not there; its comments stay at the top.
                return [.emptyFile(path: path, comments: error.emptyFileComments ?? TopologyComments(), fingerprint: fingerprint)]
            } catch let error as TopologyLoadError where error.diagnostics.count > 1 {
                // The status line holds one: the count and where to see them all come first, so that they are not cut off.
                let first = error.diagnostics[0].description
                return [.failed("could not open \(path): \(error.diagnostics.count) errors (qnetplan check \(path) lists them); first: \(first)")]
            } catch {
                return [.failed("could not open \(path): \(error)")]
            }
        case .export(let topology, let path, let format, let check):
            if services.isFolder(path) { return [.failed("cannot export to \(path): it is a folder")] }
            if check != .overwrite, services.isReadOnly(path) { return [.readOnly(path: path, retry: ":export! \(path)")] }
            if check == .absent, services.exists(path) { return [.fileExists(path: path, retry: ":export! \(path)")] }
            do {
                try WorkbenchServices.writeReport(services.plan(topology), of: topology, as: format, to: path)
                return [.exported(path: path)]
            } catch {
                return [.failed("could not export \(path): \(error)")]
            }
        case .replan(let topology):
            let clock = ContinuousClock()
            var plan: Plan?
            let elapsed = clock.measure { plan = services.plan(topology) }
            guard let plan else { return [] }
            return [.planned(plan, of: topology, seconds: elapsed.seconds)]
        case .analyseDemand(let topology, let demand):
            let result = WhatIfAnalyzer(topology: topology, plan: services.plan(topology)).analyse(demand: demand)
            return [.analysed(result, demand: demand, of: topology)]
        case .analyseFailure(let topology, let element):
            let result = (try? WhatIfAnalyzer(topology: topology, plan: services.plan(topology)).failure(of: element)) ?? nil
            return [.failureAnalysed(result, element: element, of: topology)]
        case .autosave(let document, let path):
            // Claimed on opening (`checkAutosave`), which taking it again only keeps: another workbench on the same file
            // keeps the usual one.
            guard services.claimAutosave(path) else {
                return [.failed("not autosaved: another workbench keeps \((path as NSString).lastPathComponent); save with :w")]
            }
            do {
                try services.save(document, path)
                return []
            } catch {
                return [.failed("could not autosave to \(path): \(error)")]
            }
        case .checkAutosave(let path):
            services.releaseAutosave()   // those of the file open before
            let autosave = Autosave.path(for: path)
            let fileModified = services.modified(path)
            // Another workbench's autosave is live, not left by a crash: it is not offered, and this one keeps its own
            // (named and claimed only when needed: its name is one no file has).
            // One nobody holds is offered whether or not the file is newer: a save that did not remove it (this
            // workbench's while it was kept undecided, or another workbench's) does not hold its edits.
            var found: [Action] = []
            if !services.claimAutosave(autosave) {
                found = [.autosaveHeldElsewhere(path: path, own: services.claimOwnAutosave(path))]
            } else if let modified = services.modified(autosave) {
                let own = services.claimOwnAutosave(path)
                // One that does not read is kept: overwriting it with this workbench's edits would lose what it holds.
                found = [offer(autosave, modified: modified, fileModified: fileModified, ownWhileKept: own) { reason in
                    .autosaveUnreadable(path: autosave, own: own, reason: reason)
                }]
            }
            // Those other workbenches left, newest first, after the usual one (which this workbench would overwrite,
            // while nobody writes those).
            let left = services.claimLeftAutosaves(path).map { ($0, services.modified($0) ?? .distantPast) }
            return found + left.sorted { $0.1 > $1.1 }.map { offer($0.0, modified: $0.1, fileModified: fileModified) }
        case .checkReadOnly(let path):
            return services.isReadOnly(path) ? [.openedReadOnly(path: path)] : []
        case .removeAutosave(let path):
            guard services.autosaveIsFree(path) else { return [] }
            do {
                try services.remove(path)
                services.releaseLeftAutosave(path)
                return []
            } catch {
                return [.failed("could not remove the autosave \(path): \(error)")]
            }
        case .quit, .discardTypedAhead:
            return []
        }
    }

    /// The command that writes to `path`, another file than the workbench's, whatever is there: the one that was refused,
    /// forced.
    private static func forced(_ kind: SaveKind, _ path: String) -> String {
        kind == .saveAs ? ":saveas! \(path)" : ":w! \(path)"
    }

    /// The offer of the autosave at `path`, read, last modified at `modified` (the file at `fileModified`); when it
    /// does not read, `unreadable` of the reason, else a failure.
    private func offer(_ path: String, modified: Date, fileModified: Date?, ownWhileKept: String? = nil,
                       unreadable: ((String) -> Action)? = nil) -> Action {
        do {
            return .autosaveFound(FoundAutosave(try services.load(path).topology, path: path,
                                                isNewerThanFile: Autosave.isNewer(modified, than: fileModified),
                                                ownWhileKept: ownWhileKept))
        } catch {
            return unreadable?("\(error)") ?? .failed("found an autosave \(path) but could not read it: \(error)")
        }
    }
}

import Foundation
import QNetFormats
import QNetModel
import Testing
@testable import QNetTUI

/// A save names its file by a path, which may be a link to the open file (the same file, found on disk) or a folder.
@Suite("Saving to a link to the open file, or to a folder")
struct LinkedSaveTests {
    /// The topology in the file at `path`.
    private func onDisk(_ path: String) throws -> Topology {
        try TopologyReader.document(contentsOf: URL(fileURLWithPath: path)).topology
    }

    @Test(":w LINK, :w! LINK and :saveas LINK, LINK a symbolic link to the open file, save the file as :w does; the link stays")
    func symbolicLink() throws {
        try withTemporaryFile(named: "metro.qnet.yaml") { path in
            let link = (path as NSString).deletingLastPathComponent + "/link.qnet.yaml"
            try TopologyWriter.write(TopologyDocument(topology: Fixtures.metro), to: URL(fileURLWithPath: path))
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "metro.qnet.yaml")
            let runner = EffectRunner(services: .standard())
            for command in ["w \(link)", "w! \(link)", "saveas \(link)"] {
                var session = Session(opening: path, with: runner)
                session.command("set L1.length 17 km")
                session.command(command)
                session.runEffects(with: runner)
                #expect(session.status?.hasPrefix("wrote \(path): ") == true, "\(command): \(session.status ?? "")")
                #expect(session.state.filePath == path && !session.state.isDirty, "\(command)")
                #expect(try onDisk(path) == session.state.topology, "\(command)")
                #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "metro.qnet.yaml")
                // The file's fingerprint is the one written: a following :w is not refused as changed on disk.
                session.command("set L1.length 18 km")
                session.command("w")
                session.runEffects(with: runner)
                #expect(!session.statusIsError && !session.state.isDirty, "\(command) then w: \(session.status ?? "")")
            }

            // Checked as :w is: a file another program changed is not written over by :w LINK.
            var session = Session(opening: path, with: runner)
            session.command("set L1.length 19 km")
            try TopologyWriter.write(TopologyDocument(topology: Topology(name: "someone else's")), to: URL(fileURLWithPath: path))
            session.command("w \(link)")
            session.runEffects(with: runner)
            #expect(session.statusIsError && session.status?.contains("changed on disk") == true)
            #expect(try onDisk(path).name == "someone else's")
        }
    }

    @Test(":w HARDLINK, a hard link to the open file, saves the file as :w does")
    func hardLink() throws {
        try withTemporaryFile(named: "metro.qnet.yaml") { path in
            let link = (path as NSString).deletingLastPathComponent + "/hard.qnet.yaml"
            try TopologyWriter.write(TopologyDocument(topology: Fixtures.metro), to: URL(fileURLWithPath: path))
            try FileManager.default.linkItem(atPath: path, toPath: link)
            let runner = EffectRunner(services: .standard())
            var session = Session(opening: path, with: runner)
            session.command("set L1.length 17 km")
            session.command("w \(link)")
            session.runEffects(with: runner)
            #expect(session.state.filePath == path && !session.state.isDirty, "\(session.status ?? "")")
            #expect(try onDisk(path) == session.state.topology)
        }
    }

    @Test(":w DIR, :w! DIR, :saveas DIR and :export DIR are refused at once: a folder, with no :w! to offer")
    func folder() throws {
        try withTemporaryFile(named: "metro.qnet.yaml") { path in
            let folder = (path as NSString).deletingLastPathComponent + "/dir"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            let runner = EffectRunner(services: .standard())
            var session = Session(opening: path, with: runner)
            for command in ["w \(folder)", "w! \(folder)", "saveas \(folder)", "saveas! \(folder)"] {
                session.command(command)
                session.runEffects(with: runner)
                #expect(session.statusIsError && session.status == "cannot write \(folder): it is a folder", "\(command)")
            }
            let reports = (path as NSString).deletingLastPathComponent + "/report.md"
            try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: false)
            session.command("export \(reports)")
            session.runEffects(with: runner)
            #expect(session.status == "cannot export to \(reports): it is a folder")
            var unnamed = Session(path: nil)
            unnamed.command("w \(folder)")
            unnamed.runEffects(with: runner)
            #expect(unnamed.status == "cannot write \(folder): it is a folder" && unnamed.state.filePath == nil)
        }
    }
}

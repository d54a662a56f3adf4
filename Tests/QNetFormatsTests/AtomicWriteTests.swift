import Foundation
import QNetFormats
import QNetModel
import Testing

@Suite("Saving topology files atomically")
struct AtomicWriteTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qnet-save-\(UUID().uuidString)")

    private func withFolder(_ body: (URL) throws -> Void) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test("saving over a file replaces it, keeps its permissions and leaves no temporary file")
    func replacesExistingFile() throws {
        try withFolder { folder in
            let file = folder.appendingPathComponent("net.qnet.yaml")
            try "old contents\n".write(to: file, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)

            let topology = try TopologyReader.read(yaml: Fixtures.shapeExample, file: "shape")
            try TopologyWriter.write(topology, to: file)

            #expect(try String(contentsOf: file, encoding: .utf8) == TopologyWriter.yaml(topology))
            #expect(try TopologyReader.read(contentsOf: file) == topology)
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o640)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["net.qnet.yaml"])
        }
    }

    @Test("saving a new file creates it")
    func createsNewFile() throws {
        try withFolder { folder in
            let file = folder.appendingPathComponent("new.qnet.yaml")
            try TopologyWriter.write(Topology(name: "new"), to: file)
            #expect(try TopologyReader.read(contentsOf: file).name == "new")
        }
    }

    @Test("saving into a folder that does not exist throws and leaves nothing behind")
    func missingFolder() throws {
        try withFolder { folder in
            let file = folder.appendingPathComponent("absent").appendingPathComponent("net.qnet.yaml")
            let error = try #require(throws: FileSaveError.self) {
                try TopologyWriter.write(Topology(name: "lost"), to: file)
            }
            #expect(error.description.hasPrefix("cannot save \(file.path): "))
            #expect(!FileManager.default.fileExists(atPath: file.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }
}

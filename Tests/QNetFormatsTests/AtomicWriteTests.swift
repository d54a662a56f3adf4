import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    @Test("saving over a file replaces it, keeps its permissions (read-only 444 too, for :w!) and leaves no temporary file",
          arguments: [0o640, 0o444])
    func replacesExistingFile(permissions: Int) throws {
        try withFolder { folder in
            let file = folder.appendingPathComponent("net.qnet.yaml")
            try "old contents\n".write(to: file, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: file.path)

            let topology = try TopologyReader.read(yaml: Fixtures.shapeExample, file: "shape")
            try TopologyWriter.write(topology, to: file)

            #expect(try String(contentsOf: file, encoding: .utf8) == TopologyWriter.yaml(topology))
            #expect(try TopologyReader.read(contentsOf: file) == topology)
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == permissions)
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

    @Test("a pipe is written to as it is, never replaced by a file (as `-o /dev/null` must not replace the device)")
    func pipeIsWrittenThrough() throws {
        try withFolder { folder in
            let pipe = folder.appendingPathComponent("pipe")
            #expect(mkfifo(pipe.path, 0o600) == 0)
            // A reader first, so that opening the pipe to write does not wait.
            let reader = open(pipe.path, O_RDONLY | O_NONBLOCK)
            #expect(reader >= 0)
            defer { close(reader) }
            try AtomicFile.write(Data("report\n".utf8), to: pipe)
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(reader, &buffer, buffer.count)
            #expect(count == 7 && String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "report\n")
            var status = stat()
            #expect(stat(pipe.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"])
        }
    }

    @Test("a folder is refused, and left as it was")
    func folderIsRefused() throws {
        try withFolder { folder in
            let error = try #require(throws: FileSaveError.self) { try AtomicFile.write(Data("x".utf8), to: folder) }
            #expect(error.description == "cannot save \(folder.path): it is a folder")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }
}

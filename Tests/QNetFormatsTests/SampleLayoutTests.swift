import Foundation
import Testing
import QNetFormats

/// The sample networks are written in the writer's own layout, so that opening one and saving it (`:w`) changes
/// nothing: a user's diff of an edited sample shows their edit alone.
@Suite struct SampleLayoutTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../topologies")
        .standardizedFileURL

    static var samples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".qnet.yaml") }.sorted()
    }

    @Test("saving a sample as it was read gives back its bytes", arguments: samples)
    func savingChangesNothing(_ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(TopologyWriter.yaml(try TopologyReader.document(contentsOf: url)) == text)
    }

    @Test func everySampleIsChecked() {
        #expect(Self.samples.count >= 8)
    }
}

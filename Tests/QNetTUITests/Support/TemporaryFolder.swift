import Foundation

/// Runs `body` with the path of `name` in a new, empty folder, removed afterwards.
func withTemporaryFile(named name: String, _ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qnet-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder.appendingPathComponent(name).path)
}

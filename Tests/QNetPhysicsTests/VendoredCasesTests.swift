import Foundation
import Testing

/// The project's copy of `../shared/validation/cases.yaml`, which the tests read in a clone that has no `../shared`
/// beside it, stays the shared file byte for byte.
@Suite struct VendoredCasesTests {
    @Test("Tests/validation/shared/cases.yaml is the shared file, where that is beside the clone")
    func copyIsCurrent() throws {
        let shared = ValidationCases.sharedURL
        try #require(FileManager.default.fileExists(atPath: ValidationCases.vendoredURL.path))
        guard FileManager.default.fileExists(atPath: shared.path) else { return }   // nothing to compare with
        #expect(try Data(contentsOf: ValidationCases.vendoredURL) == Data(contentsOf: shared),
                "copy ../shared/validation/cases.yaml to Tests/validation/shared/cases.yaml")
    }
}

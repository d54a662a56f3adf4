import Foundation
import Testing

/// `make report > report.md` gives a clean report: the build's output goes to standard error.
@Suite("End to end: make report")
struct MakeReportTests {
    static let make = ["/usr/bin/make", "/bin/make"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("make report prints only the report on standard output, the build's output on standard error",
          .enabled(if: Self.make != nil, "make is not installed"))
    func reportAlone() throws {
        let binary = try #require(Binary.qnetplan, "qnetplan is not built: run `swift build` first")
        let make = URL(fileURLWithPath: try #require(Self.make))
        // SWIFT=echo stands for the build: what it prints must not reach the report.
        let result = try Binary.run(make, ["--no-print-directory", "-C", Binary.packageRoot.path, "report",
                                           "SWIFT=echo", "BIN=\(binary.path)"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("# Vienna SECOQC network (2008): network budget\n"), "\(result.output.prefix(200))")
        #expect(result.errors.contains("build\n"))
        #expect(!result.output.contains("build\n"))
    }
}

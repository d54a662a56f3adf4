import Foundation
import Testing
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// The form's help and keys (QA): the help of a key wraps where there is room instead of being cut at 120 columns, a
/// detector's form lists only the keys its kind reads, and `background_rate` shows its default as the other keys do.
@Suite("Edit form: help lines, detector keys by kind, defaults")
struct FormHelpTests {
    private func screen(_ session: Session, width: Int = 120, height: Int = 40) -> [String] {
        Screen.render(session.state, size: Size(width: width, height: height)).lines
    }

    /// A session with the form of `record` open, the cursor on `key`.
    private func form(_ record: String, at key: String, in topology: Topology = Fixtures.metro) -> Session {
        var session = Session(topology)
        session.command("select \(record)")
        session.press(.enter)
        if case .form(let form) = session.state.mode,
           let index = TopologyEditor.rows(of: form.record, in: session.state.topology)?.firstIndex(where: { $0.key == key }) {
            for _ in 0..<index { session.press(.character("j")) }
        }
        return session
    }

    @Test("at 120 columns the help of L1's length is whole, on two lines, not cut with …")
    func helpWraps() throws {
        let session = form("L1", at: "length")
        let help = try #require(TopologyEditor.rows(of: .link("L1"), in: Fixtures.metro)?.first { $0.key == "length" }?.help)
        let lines = screen(session)
        let first = try #require(lines.firstIndex { $0.contains("length: fiber or free-space path length") })
        let shown = lines[first...].prefix(3).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }
        #expect(!shown.joined().contains("…"))
        #expect(shown.joined(separator: " ").replacingOccurrences(of: "  ", with: " ").contains(help.suffix(20)))
        // On a short screen the keys keep the room: one line, cut short.
        let short = screen(session, height: 11)
        #expect(short.contains { $0.contains("length: fiber or free-space path length") && $0.contains("…") })
    }

    @Test("an InGaAs APD's form leaves out electronic_noise, which only homodyne and heterodyne detectors read")
    func detectorKeysByKind() throws {
        var topology = Fixtures.metro
        var apd = Detector(name: "apd")
        apd.kind = .ingaasAPD
        var homodyne = Detector(name: "bhd")
        homodyne.kind = .homodyne
        topology.equipment.detectors = [apd, homodyne]
        let apdKeys = try #require(TopologyEditor.rows(of: .equipment(.detector, "apd"), in: topology)).map(\.key)
        #expect(!apdKeys.contains("electronic_noise") && apdKeys.contains("dark_count_rate"))
        let homodyneRows = try #require(TopologyEditor.rows(of: .equipment(.detector, "bhd"), in: topology))
        #expect(homodyneRows.first { $0.key == "electronic_noise" }?.inherited == "0.05 (homodyne default)")
        // Written on an APD anyway, it is listed with the warning that the kind does not read it.
        topology.equipment.detectors[0].electronicNoise = Quantity(0.1, .one)
        let written = try #require(TopologyEditor.rows(of: .equipment(.detector, "apd"), in: topology)?
            .first { $0.key == "electronic_noise" })
        #expect(written.unused == "electronic_noise is not used on an ingaas-apd detector (only homodyne and heterodyne "
            + "detectors read it): remove it, or change the kind")
    }

    @Test("background_rate shows its default in the form, as the other keys do")
    func backgroundRateDefault() throws {
        let row = try #require(TopologyEditor.rows(of: .link("L1"), in: Fixtures.metro)?.first { $0.key == "background_rate" })
        #expect(row.defaultText == "0 Hz: no stray light")
        #expect(PlanningDefaults.backgroundRate.value == 0)   // the default the planner uses
        let session = form("L1", at: "background_rate")
        #expect(screen(session).contains { $0.contains("background_rate") && $0.contains("— default 0 Hz: no stray light") })
    }
}

import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing
@testable import QNetTUI

/// The inspector on what the planner computes beyond a link's own budget, on the shipped samples opened as
/// `qnetplan edit` opens them (the standard services: the YAML reader and the incremental planner).
@Suite("Views: segments, twin field, repeater chains, CV-QKD and satellite passes in the inspector")
struct InspectorSegmentTests {
    /// `topologies/name` in the package.
    private func sample(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("topologies/\(name)")
    }

    /// Opens `topologies/name` (or the file at `path`), types `:select id` and Enter, and returns the last state of the loop.
    private func open(_ name: String, select id: String, path: String? = nil,
                      size: Size = Size(width: 120, height: 40)) throws -> AppState {
        let terminal = InMemoryTerminal(size: size)
        terminal.type(":select \(id)")
        terminal.send([.key(.enter)])
        let path = path ?? sample(name).path
        let state = Workbench.run(path: path, terminal: terminal, services: .standard())
        try #require(state.plan != nil, "\(name) was not planned: \(state.errors)")
        return state
    }

    /// The whole inspector pane of `state`, every row wrapped and drawn `width` columns wide, as the pane shows it
    /// when scrolled through.
    private func pane(_ state: AppState, width: Int) -> [String] {
        let rows = InspectorContent.rows(state, glyphs: .unicode).rows.flatMap { $0.wrapped(to: width) }
        var canvas = Canvas(Size(width: width, height: rows.count))
        for (line, row) in rows.enumerated() { row.draw(in: canvas.bounds.row(line), glyphs: .unicode, into: &canvas) }
        return canvas.lines
    }

    /// Whether a line of `lines` starts with `label` (after its indent) and ends with `value`.
    private func shows(_ lines: [String], _ label: String, _ value: String) -> Bool {
        lines.contains { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix(label) && text.hasSuffix(value)
        }
    }

    /// `lines` as one line of words, so that text wrapped over several lines can be searched.
    private func prose(_ lines: [String]) -> String {
        lines.flatMap { $0.split(separator: " ") }.joined(separator: " ")
    }

    private func segment(_ id: String, of state: AppState) throws -> SegmentPlan {
        try #require(state.plan?.segments.first { $0.id == id })
    }

    /// Opens `name` with link `link` selected: the plan of segment `id`, and the inspector pane `width` columns wide.
    private func inspect(_ name: String, select link: String, segment id: String, width: Int) throws -> (SegmentPlan, [String]) {
        let state = try open(name, select: link)
        return (try segment(id, of: state), pane(state, width: width))
    }

    /// Opens a copy of the Vienna sample with each `edits` text replaced, in a folder of its own (an edit in the
    /// workbench would leave an autosave beside the sample), with `id` selected.
    private func openVienna(_ edits: [(String, String)], select id: String) throws -> AppState {
        var text = try String(contentsOf: sample("vienna-secoqc.qnet.yaml"), encoding: .utf8)
        for (old, new) in edits {
            try #require(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try open(text: text, named: "vienna.qnet.yaml", select: id)
    }

    /// Opens `text` saved as `name` in a folder of its own (removed after), with `id` selected.
    private func open(text: String, named name: String, select id: String) throws -> AppState {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspector-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try open(name, select: id, path: file.path)
    }

    @Test("select a 0 km link: its PLOB bound and its segment's have no limit, never 0 bit/s (QA 12b; Pirandola et al., Nat. Commun. 8, 15043 (2017))")
    func losslessLinkHasNoPLOBLimit() throws {
        let text = """
            qnet: 1
            name: zero
            nodes: [{id: A, kind: endpoint}, {id: B, kind: endpoint}]
            links: [{id: L1, between: [A, B], medium: fiber, length: 0 km}]

            """
        let lines = pane(try open(text: text, named: "zero.qnet.yaml", select: "L1"), width: 60)
        #expect(shows(lines, "PLOB bound", "no limit"))
        #expect(!lines.contains { $0.contains("PLOB") && $0.hasSuffix("0 bit/s") })
        #expect(prose(lines).contains("no fiber at all between A and B"))
    }

    @Test("select a satellite link at one elevation and no pass: its rate says it holds in view, in the list too (QA)")
    func inViewRate() throws {
        let text = """
            qnet: 1
            name: in view
            nodes: [{id: SAT, kind: satellite, altitude: 500 km}, {id: B, kind: endpoint}]
            links: [{id: S2, between: [SAT, B], medium: satellite, elevation: 45 deg}]

            """
        let state = try open(text: text, named: "inview.qnet.yaml", select: "S2")
        let rate = EngineeringFormat.rate(try #require(state.selectedLinkPlan).keyRateBps) + " in view"
        #expect(shows(pane(state, width: 60), "key rate", rate))
        let list = Screen.render(state, size: state.screenSize, glyphs: .unicode).lines.joined(separator: "\n")
        #expect(list.contains(rate))
    }

    @Test("select a link whose detector does not absorb its wavelength: the warning is in its Key section (QA M4)")
    func linkWarningInItsKeySection() throws {
        // SIEM-ERDB received by the 850 nm silicon detector.
        let state = try openVienna([("- id: SIEM-ERDB\n", "- id: SIEM-ERDB\n  detector: si-apd-850\n")], select: "SIEM-ERDB")
        let plan = try #require(state.selectedLinkPlan)
        let warning = try #require(plan.diagnostics.first)
        let lines = pane(state, width: 46)
        let key = try #require(lines.firstIndex(of: "Key")), loss = try #require(lines.firstIndex(of: "Loss budget"))
        #expect(prose(Array(lines[key..<loss])).contains("warning: equipment.detectors.si-apd-850.kind: link SIEM-ERDB: a si-apd detector does not absorb 1550 nm"))
        #expect(warning.message.contains("does not absorb 1550 nm"))
    }

    @Test("a link shorter than its ends' distance: its warning in its Key section; mixed position kinds: in the overview")
    func positionWarnings() throws {
        // ERDB-GUDR (2.26 km between its ends) written 0.5 km long; SIEM placed by latitude and longitude.
        var state = try openVienna([("between: [ERDB, GUDR]\n  medium: fiber\n  length: 6 km", "between: [ERDB, GUDR]\n  medium: fiber\n  length: 0.5 km"),
                                    ("position: {x: 2.7 km, y: 8 km}", "position: {lat: 48.26 deg, lon: 16.4 deg}")],
                                   select: "ERDB-GUDR")
        let lines = pane(state, width: 46)
        let key = try #require(lines.firstIndex(of: "Key")), loss = try #require(lines.firstIndex(of: "Loss budget"))
        #expect(prose(Array(lines[key..<loss])).contains("warning: links[1].length: link ERDB-GUDR is 0.5 km long, shorter than "
            + "the 2.263 km straight-line distance between ERDB and GUDR"))
        state.selection = nil
        #expect(prose(pane(state, width: 46)).contains("node SIEM has a geographic {lat, lon} position, the only one, while 7 "
            + "nodes have a planar {x, y} one"))
    }

    @Test("select an MDI hub link: its Key section lists both relay segments; the one with the most key follows in full, the other in brief")
    func mdiLink() throws {
        let state = try open("hefei-mdi-star.qnet.yaml", select: "ALICE-CHARLIE")
        let bob = try segment("ALICE~CHARLIE~BOB", of: state)
        let chris = try segment("ALICE~CHARLIE~CHRIS", of: state)
        #expect(chris.keyRateBps > bob.keyRateBps)
        let screen = Screen.render(state, size: Size(width: 120, height: 40)).lines
        #expect(shows(screen.map { String($0.dropFirst(73).dropLast()) }, "ALICE~CHARLIE~BOB", EngineeringFormat.rate(bob.keyRateBps)))
        let lines = pane(state, width: 46)
        #expect(lines.contains("  in segments (below)"))
        #expect(shows(lines, "ALICE~CHARLIE~CHRIS", EngineeringFormat.rate(chris.keyRateBps)))
        let briefStart = try #require(lines.firstIndex(of: "Segment ALICE~CHARLIE~BOB"))
        let fullStart = try #require(lines.firstIndex(of: "Segment ALICE~CHARLIE~CHRIS"))
        let brief = Array(lines[briefStart..<fullStart])
        #expect(shows(brief, "protocol", "mdi"))
        #expect(shows(brief, "links", "ALICE-CHARLIE, BOB-CHARLIE"))
        #expect(shows(brief, "key rate", EngineeringFormat.rate(bob.keyRateBps)))
        #expect(shows(brief, "PLOB bound (whole channel)", EngineeringFormat.plobBound(bob.plobBoundBps)))
        #expect(shows(brief, "margin", EngineeringFormat.decibels(try #require(bob.marginDB))))
        #expect(brief.contains("  its figures and assumptions: :export FILE.md") && !brief.contains("Operating point"))
        // The segment's own note (its relay is shared) is in its block.
        #expect(prose(brief).contains("note: nodes[") && prose(brief).contains("relay CHARLIE joins"))
        let block = Array(lines[fullStart...])
        let budget = try #require(chris.keyBudget)
        let y11 = try #require(budget.figures.first { $0.key == "y11" })
        #expect(shows(block, "single-photon-pair yield Y11", EngineeringFormat.number(y11.value)))
        #expect(prose(block).contains(y11.basis))  // the figure's basis under it
        #expect(shows(block, "key per pulse", EngineeringFormat.number(budget.keyPerPulse) + " bit"))
        #expect(block.contains("Arm ALICE → CHARLIE") && block.contains("Arm CHRIS → CHARLIE"))
        #expect(shows(block, "click rate", EngineeringFormat.frequency(budget.arms[0].detector.countRateHz)))
        // The assumptions close the segment, as they close a link.
        let operating = try #require(block.firstIndex(of: "Operating point"))
        let assumptions = try #require(block.firstIndex(of: "Segment assumptions"))
        #expect(operating < assumptions)
        #expect(block[assumptions...].contains { $0.hasPrefix("  relay detectors") })
        // The link's own budgets and keys come first.
        #expect(try #require(lines.firstIndex(of: "Loss budget")) < briefStart)
        #expect(try #require(lines.firstIndex(of: "Keys")) < briefStart)
    }

    @Test("at 80x24 the segment rows fit the 30-column pane: the label kept whole, the value below it when both do not fit")
    func narrowPane() throws {
        let state = try open("hefei-mdi-star.qnet.yaml", select: "ALICE-CHARLIE", size: Size(width: 80, height: 24))
        let screen = Screen.render(state, size: Size(width: 80, height: 24)).lines
        let inspector = screen.map { String($0.dropFirst(49).dropLast()) }
        // Beside the segment's key, the bound shown is the link's own, and says so (QA).
        #expect(inspector.contains { $0.hasPrefix("  link PLOB bound ") && $0.hasSuffix(" 42.3 Mbit/s") })
        let row = try #require(inspector.firstIndex { $0.hasPrefix("    ALICE~CHARLIE~BOB ") })
        #expect(inspector[row + 1].hasSuffix(" 13.9 kbit/s") && inspector[row + 1].trimmingCharacters(in: .whitespaces) == "13.9 kbit/s", "\(inspector.joined(separator: "\n"))")
        let lines = pane(state, width: 30)
        // Every figure of the operating point shows whole: each value ends a line.
        let budget = try #require(try segment("ALICE~CHARLIE~CHRIS", of: state).keyBudget)
        for figure in PlanFigures.keyBudget(budget) {
            #expect(lines.contains { $0.hasSuffix(" " + figure.value) }, "\(figure.label)")
        }
        // A figure label longer than the row wraps; its value ends the wrapped label's last line.
        let index = try #require(lines.firstIndex { $0.hasPrefix("  single-photon-pair phase") })
        #expect(lines[index + 1].hasPrefix("    error e11") && lines[index + 1].hasSuffix("0.0198"))
    }

    @Test("select a link of a BBM92 source at one end: the single-link segment shows its pair number and the local detector")
    func bbm92SourceAtOneEnd() throws {
        let state = try open("hefei-mdi-star.qnet.yaml", select: "CHRIS-GW")
        let lines = pane(state, width: 46)
        #expect(lines.contains("Segment CHRIS~GW"))
        let pairs = try #require(try segment("CHRIS~GW", of: state).keyBudget?.intensities.first)
        #expect(shows(lines, pairs.name, EngineeringFormat.number(pairs.value)))
        #expect(lines.contains { $0.hasPrefix("Arm CHRIS (detector beside the source)") })
    }

    @Test("select a twin-field link: the relay segment's SNS figures, above the PLOB bound of the whole channel")
    func twinField() throws {
        let (segment, lines) = try inspect("twin-field-cv.qnet.yaml", select: "TF1", segment: "JINAN~MAZHAN~QINGDAO", width: 46)
        let tf = try #require(segment.twinField)
        #expect(lines.contains("Twin field"))
        #expect(shows(lines, "variant", "sns") && shows(lines, "relay", "MAZHAN"))
        #expect(shows(lines, "arm TF1 transmittance", EngineeringFormat.number(tf.armTransmittance[0])))
        #expect(shows(lines, "arm TF2 transmittance", EngineeringFormat.number(tf.armTransmittance[1])))
        #expect(shows(lines, "phase error", EngineeringFormat.percent(tf.phaseErrorRate)))
        #expect(shows(lines, "PLOB bound (whole channel)", EngineeringFormat.plobBound(segment.plobBoundBps)))
        #expect(segment.plobBoundBps.map { segment.keyRateBps > $0 } == true)  // the sample's point: twin field beats the bound
        #expect(lines.contains("Segment assumptions"))
    }

    @Test("select a CV-QKD link: I_AB, chi_BE, excess noise and beta")
    func continuousVariable() throws {
        let state = try open("twin-field-cv.qnet.yaml", select: "CV1")
        let cv = try #require(state.selectedLinkPlan?.continuousVariable)
        let lines = pane(state, width: 46)
        #expect(lines.contains("CV-QKD GG02"))
        #expect(shows(lines, "I_AB", EngineeringFormat.number(cv.mutualInformation) + " bit/symbol"))
        #expect(shows(lines, "χ_BE", EngineeringFormat.number(cv.holevoBound) + " bit/symbol"))
        #expect(shows(lines, "excess noise ξ (channel input)", EngineeringFormat.number(cv.excessNoise) + " SNU"))
        #expect(shows(lines, "β (reconciliation)", EngineeringFormat.percent(cv.reconciliationEfficiency)))
        #expect(!lines.contains { $0.hasPrefix("Segment ") })  // a single-link segment adds nothing
    }

    @Test("select a finite-key link: its block size, tail bound, key per block and the time to fill a block")
    func finiteKey() throws {
        let state = try open("vienna-secoqc.qnet.yaml", select: "BREI-STPO")
        let finite = try #require(state.selectedLinkPlan?.finiteKey)
        let lines = pane(state, width: 46)
        #expect(lines.contains("Finite key (one block)"))
        #expect(shows(lines, "block n_X", EngineeringFormat.number(finite.blockSize) + " key-basis detections"))
        #expect(shows(lines, "key per block", EngineeringFormat.bits(finite.keyBitsPerBlock)))
        #expect(shows(lines, "tail bound", "hoeffding"))
        #expect(lines.contains { $0.hasPrefix("  block collected in") })
    }

    @Test("select a link of a repeater chain: the chain's figures and its distance table in 30 columns")
    func repeaterChain() throws {
        let (segment, lines) = try inspect("repeater-chain.qnet.yaml", select: "Q2", segment: "ALICE~R1~R2~R3~BOB", width: 30)
        let chain = try #require(segment.repeater)
        #expect(lines.contains { $0.hasPrefix("Segment ALICE~R1~R2~R3~BOB") })
        #expect(shows(lines, "fidelity", EngineeringFormat.number(try #require(segment.fidelity))))
        #expect(shows(lines, "heralding", "two-click"))
        #expect(shows(lines, "six-state key", EngineeringFormat.rate(chain.sixStateKeyRateBps)))
        #expect(shows(lines, "memory modes", "100"))
        #expect(prose(lines).contains("modes per round 100, 100, 100, 100"))
        let header = try #require(lines.firstIndex { $0.hasPrefix("    km   key     F  PLOB trust") })
        let planned = try #require(chain.sweep.first { $0.isPlanned })
        #expect(lines[header + 1].hasPrefix("*  100 "))
        #expect(lines[header + 1].contains(" " + String(format: "%.3f", planned.fidelity) + " "))
        // One unwrapped line per swept length, then the legend.
        #expect(lines[(header + 1)...(header + chain.sweep.count)].allSatisfy { $0.dropFirst(2).first?.isNumber ?? false
            || $0.dropFirst(3).first?.isNumber ?? false || $0.dropFirst(4).first?.isNumber ?? false })
        #expect(lines[header + chain.sweep.count + 1].hasPrefix("  * this chain"))
        #expect(prose(lines).contains(PlanFigures.repeaterReach(chain)))
        // The memories' figures are among the segment's assumptions, each with the key it came from.
        #expect(prose(lines).contains("memory efficiency 90 % at R1, R2, R3"))
        #expect(prose(lines).contains("memory coherence time 100 ms at R1, R2, R3 equipment.memories. multimode-ensemble. coherence_time"))
    }

    @Test("select a satellite link: the pass's key per pass and per day, its finite key, and the profile from culmination")
    func satellitePass() throws {
        let state = try open("micius-downlink.qnet.yaml", select: "MICIUS-XINGLONG")
        let pass = try #require(state.selectedLinkPlan?.pass)
        let lines = pane(state, width: 46)
        // The Key section leads with what demands get (the finite key's daily average), then the rate at culmination.
        let finiteAverage = EngineeringFormat.rate(try #require(pass.finiteKey).dailyAverageBps)
        // Both are the finite key's, and say so; the pass's own figures and its profile say they are asymptotic (QA).
        #expect(shows(lines, "daily average (finite key)", finiteAverage))
        #expect(prose(lines).contains("if it lasted: a block takes 438 s, the pass 277 s"))
        #expect(shows(lines, "at culmination (finite key)",
                      EngineeringFormat.rate(try #require(state.selectedLinkPlan).keyRateBps)))
        let list = Screen.render(state, size: state.screenSize, glyphs: .unicode).lines.joined(separator: "\n")
        #expect(list.contains(finiteAverage + " avg"))
        #expect(shows(lines, "duration", EngineeringFormat.time(pass.durationSeconds)))
        // The sample asks for finite_key: the asymptotic figures say so, then the finite key that enters the key graph.
        #expect(shows(lines, "asymptotic key per pass", EngineeringFormat.bits(pass.keyPerPassBits)))
        #expect(shows(lines, "asymptotic key per day", EngineeringFormat.bits(pass.keyPerDayBits)))
        let finite = try #require(pass.finiteKey)
        #expect(shows(lines, "asymptotic daily average", EngineeringFormat.rate(pass.dailyAverageBps)))
        #expect(shows(lines, "finite key per pass", EngineeringFormat.bits(finite.keyPerPassBits)))
        #expect(shows(lines, "pass QBER E_X", EngineeringFormat.percent(finite.qber)))
        #expect(shows(lines, "tail bound", finite.tailBound.rawValue))
        // Beside both keys per pass, the sifting each uses (QA M2).
        #expect(prose(lines).contains("sifting: " + (try #require(finite.sifting)).value))
        let profile = try #require(lines.firstIndex(of: "Pass profile: elevation → asymptotic key rate"))
        for (offset, sample) in pass.profile.enumerated() {
            #expect(shows([lines[profile + 1 + offset]], EngineeringFormat.degrees(sample.elevation),
                          EngineeringFormat.rate(sample.keyRateBps)))
        }
        #expect(lines.contains("Pass assumptions"))
    }

    @Test("select a demand: the segments of its best path with their protocols")
    func demandSegments() throws {
        let hefei = try open("hefei-mdi-star.qnet.yaml", select: "ALICE-CHRIS")
        let mdi = try segment("ALICE~CHARLIE~CHRIS", of: hefei)
        #expect(shows(pane(hefei, width: 46), "ALICE~CHARLIE~CHRIS", "mdi, " + EngineeringFormat.rate(mdi.keyRateBps)))
        let tf = try open("twin-field-cv.qnet.yaml", select: "JINAN-QINGDAO")
        let relay = try segment("JINAN~MAZHAN~QINGDAO", of: tf)
        #expect(shows(pane(tf, width: 46), "JINAN~MAZHAN~QINGDAO", "tf, " + EngineeringFormat.rate(relay.keyRateBps)))
    }

    @Test("on the map, a link inside a segment through untrusted nodes has its segment's colour, not that of no key")
    func mapColour() throws {
        for (name, id) in [("hefei-mdi-star.qnet.yaml", "ALICE-CHARLIE"), ("twin-field-cv.qnet.yaml", "TF1"),
                           ("repeater-chain.qnet.yaml", "Q2")] {
            var state = try open(name, select: id)
            state.selection = nil
            let segment = try #require(InspectorContent.detailedSegments(through: Identifier(id), in: state.plan).first)
            #expect(segment.keyRateBps > 0)
            let size = Size(width: 120, height: 40)
            let area = Layout(size: size, focus: state.focus).map.inset(by: 1)
            let projection = state.mapProjection(in: area)
            let link = try #require(state.topology.link(Identifier(id)))
            let from = try #require(projection.cell(ofNode: link.from)), to = try #require(projection.cell(ofNode: link.to))
            let middle = (x: (from.x + to.x) / 2, y: (from.y + to.y) / 2)
            let cell = try #require(Screen.render(state, size: size).cell(x: middle.x, y: middle.y))
            #expect(cell.text != " ", "\(name): no line at the middle of \(id)")
            #expect(cell.role == LinkState(segment).role, "\(name): \(id)")
        }
    }

    @Test("compact rates for the distance table take at most 5 columns")
    func compactRates() {
        #expect(InspectorContent.compactRate(14_523) == "14.5k")
        #expect(InspectorContent.compactRate(999.7) == "1k")
        #expect(InspectorContent.compactRate(400) == "400")
        #expect(InspectorContent.compactRate(9.031) == "9.03")
        #expect(InspectorContent.compactRate(0.0144) == "0.014")
        #expect(InspectorContent.compactRate(1.44e-14) == "1e-14")
        #expect(InspectorContent.compactRate(0) == "0")
    }
}

import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing
import Yams

/// The Micius sample topology planned over its pass (cases in `satellite-pass-cases.yaml` beside this file) and reported.
@Suite("Satellite passes: the Micius sample and the reports")
struct SatellitePassReportTests {
    /// One case of the cases file: expected values, tolerances, and the values the computation must reach or exceed.
    struct PassCase {
        var id: String
        var source: String
        var inputs: [String: String]
        var expected: [String: Double]
        var absoluteTolerance: [String: Double]
        var bounds: Set<String>
    }

    static func cases() throws -> [PassCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("satellite-pass-cases.yaml")
        let entries = try #require(try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [[String: Any]])
        return try entries.map { entry in
            let tolerances = entry["tolerance"] as? [String: [String: Any]] ?? [:]
            return PassCase(
                id: try #require(entry["id"] as? String), source: try #require(entry["source"] as? String),
                inputs: entry["inputs"] as? [String: String] ?? [:],
                expected: (entry["expect"] as? [String: Any] ?? [:]).compactMapValues(Self.number),
                absoluteTolerance: tolerances.compactMapValues { Self.number($0["absolute"]) },
                bounds: Set(entry["bound"] as? [String] ?? []))
        }
    }

    /// A YAML number (Yams gives integers as `Int`).
    static func number(_ any: Any?) -> Double? { (any as? Double) ?? (any as? Int).map(Double.init) }

    /// Whether a number read back from the JSON report is the plan's (the text keeps ~15 significant digits).
    static func same(_ json: Any?, _ value: Double) -> Bool {
        guard let read = number(json) else { return false }
        return abs(read - value) <= 1e-12 * abs(value)
    }

    /// The plan of a sample topology in `topologies/`.
    static func plan(_ name: String) throws -> (Topology, Plan) {
        let topology = try TopologyReader.read(contentsOf: Fixtures.packageRoot().appendingPathComponent("topologies/\(name)"))
        return (topology, Planner().plan(topology))
    }

    @Test("Micius: the sample's pass against Liao et al. 2017")
    func micius() throws {
        for passCase in try Self.cases() {
            let (_, plan) = try Self.plan(try #require(passCase.inputs["topology"]))
            let link = try #require(plan.links.first { $0.id.rawValue == passCase.inputs["link"] })
            let pass = try #require(link.pass)
            let computed = ["duration_s": pass.durationSeconds, "key_per_pass_bits": pass.keyPerPassBits,
                            "pass_average_bps": pass.passAverageBps]
            for (key, expected) in passCase.expected.sorted(by: { $0.key < $1.key }) {
                let actual = try #require(computed[key], "\(passCase.id): nothing computed for \(key)")
                if passCase.bounds.contains(key) {
                    #expect(actual >= expected, "\(passCase.id) (\(passCase.source)): \(key) = \(actual) should bound \(expected)")
                } else {
                    let tolerance = try #require(passCase.absoluteTolerance[key], "\(passCase.id): no tolerance for \(key)")
                    #expect(abs(actual - expected) <= tolerance, "\(passCase.id) (\(passCase.source)): \(key) = \(actual), expected \(expected) ± \(tolerance)")
                }
            }
        }
    }

    @Test("The reports carry the pass: JSON fields, the Markdown profile, the CSV table")
    func reports() throws {
        let (topology, plan) = try Self.plan("micius-downlink.qnet.yaml")
        let pass = try #require(plan.links.first?.pass)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let link = try #require((json["links"] as? [[String: Any]])?.first)
        let entry = try #require(link["pass"] as? [String: Any])
        #expect(Self.same(entry["key_per_pass_bits"], pass.keyPerPassBits))
        #expect(Self.same(entry["daily_average_bps"], pass.dailyAverageBps))
        #expect(abs((entry["max_elevation_deg"] as? Double ?? 0) - 49) < 1e-9)
        // Angles are written as the file gives them, not with the noise of a round trip through radians (QA:
        // 19.800000000000004, and a profile at 49.00000000000017).
        #expect(entry["min_elevation_deg"] as? Double == 19.8 && entry["max_elevation_deg"] as? Double == 49)
        #expect((entry["profile"] as? [[String: Any]])?.first?["elevation_deg"] as? Double == 49)
        #expect((entry["profile"] as? [[String: Any]])?.count == pass.profile.count)
        // The sample asks for finite_key: the pass's own fields stay asymptotic, finite_key holds the finite key,
        // and the segment (the key graph) takes the finite one.
        let finite = try #require(pass.finiteKey)
        let finiteEntry = try #require(entry["finite_key"] as? [String: Any])
        #expect(Self.same(finiteEntry["key_per_pass_bits"], finite.keyPerPassBits))
        #expect(Self.same(finiteEntry["key_basis_detections"], finite.keyBasisDetections))
        #expect(Self.same(finiteEntry["epsilon_sec"], 1e-9) && (finiteEntry["intensities"] as? [Double])?.count == 3)
        let segment = try #require((json["segments"] as? [[String: Any]])?.first { ($0["links"] as? [String]) == ["MICIUS-XINGLONG"] })
        #expect(Self.same(segment["key_per_pass_bits"], finite.keyPerPassBits))
        #expect(Self.same(segment["key_per_day_bits"], finite.keyPerDayBits))
        #expect(Self.same(segment["key_rate_bps"], finite.dailyAverageBps))
        #expect(segment["key_while_in_view_bps"] is NSNull)

        let markdown = MarkdownReport.render(plan, of: topology)
        #expect(markdown.contains("## Satellite passes"))
        #expect(markdown.contains("Pass profile from culmination, asymptotic key (its QBER and key rate are the asymptotic key's"))
        // The links table's figures are the finite key's, and say so (QA: 5.58 kbit/s sat above a 9.83 kbit/s profile);
        // the one at culmination, whose block outlasts the pass, is what it would give if it lasted (QA).
        let blockTime = try #require(plan.links.first?.finiteKey).blockTimeSeconds
        #expect(blockTime > (try #require(plan.links.first?.pass)).durationSeconds)
        #expect(markdown.contains(" | " + EngineeringFormat.rate(try #require(plan.links.first).keyRateBps)
            + " at culmination (finite key, if it lasted); daily average "
            + EngineeringFormat.rate(finite.dailyAverageBps) + " (finite key) | "))
        #expect(markdown.contains("| 0 s | 49.0° | 645 km |"))
        #expect(markdown.contains("Finite key over the pass (one block of the whole pass"))
        #expect(markdown.contains("| asymptotic daily average | finite key per pass | finite key per day | finite daily average (key graph) |"))
        #expect(markdown.contains("| " + EngineeringFormat.bits(finite.keyPerPassBits) + " | "))

        let csv = CSVReport.render(plan)
        // RFC 4180: every line ends in CRLF, the blank ones between the tables too (QA: they were bare LF).
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(csv.contains("\r\n\r\nlink,altitude_m,max_elevation_deg,min_elevation_deg,duration_s,passes_per_day,"))
        #expect(csv.contains("MICIUS-XINGLONG,500000.0,49.0,19.8,"))
        #expect(csv.contains(",no_key_reason,finite_key_per_pass_bits,finite_key_per_day_bits,finite_daily_average_bps,finite_no_key_reason\r\n"))
    }

    @Test("Micius: a finite-key block at the culmination outlasts the pass, and the link says so")
    func blockLongerThanThePass() throws {
        let (_, plan) = try Self.plan("micius-downlink.qnet.yaml")
        for link in plan.links {
            let pass = try #require(link.pass), finite = try #require(link.finiteKey)
            #expect(finite.blockTimeSeconds > pass.durationSeconds)
            let note = try #require(link.assumptions.first { $0.name == "finite key at culmination" })
            #expect(note.value.contains("the pass's own finite key (one block per pass) is the figure to plan with"))
        }
    }

    @Test("Micius at one elevation and no pass: its segment carries no key, and the JSON keeps the key while in view")
    func oneElevationKeepsTheKeyWhileInView() throws {
        var (topology, _) = try Self.plan("micius-downlink.qnet.yaml")
        topology.links[0].pass = nil
        topology.links[0].elevation = Quantity(45, .degree)
        let plan = Planner().plan(topology)
        let link = try #require(plan.links.first)
        #expect(link.keyRateBps > 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let segment = try #require((json["segments"] as? [[String: Any]])?.first { ($0["links"] as? [String]) == [link.id.rawValue] })
        #expect(Self.same(segment["key_while_in_view_bps"], link.keyRateBps))
        #expect(segment["key_rate_bps"] as? Double == 0)
    }

    @Test("Without a pass the reports are as before: a null pass in JSON, no passes table")
    func noPass() throws {
        let (topology, plan) = try Self.plan("vienna-secoqc.qnet.yaml")
        let json = JSONReport.render(plan, of: topology)
        #expect(json.contains("\"pass\" : null") && !json.contains("finite_key_per_pass"))
        #expect(!MarkdownReport.render(plan, of: topology).contains("Satellite passes"))
        #expect(!CSVReport.render(plan).contains("key_per_pass_bits"))
    }
}

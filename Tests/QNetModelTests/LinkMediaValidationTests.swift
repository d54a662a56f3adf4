import Testing
@testable import QNetModel

/// A satellite is joined to the ground only by a satellite link: a fiber to orbit (the default medium) was planned.
@Suite("Link media at a satellite")
struct LinkMediaValidationTests {
    private func topology(_ links: [Link]) -> Topology {
        var satellite = Node(id: "SAT", kind: .satellite)
        satellite.altitude = Quantity(500, .kilometre)
        var second = Node(id: "SAT2", kind: .satellite)
        second.altitude = Quantity(600, .kilometre)
        return Topology(name: "t", nodes: [satellite, second, Node(id: "OGS", kind: .trusted), Node(id: "X")], links: links)
    }

    private func satelliteLink(_ id: Identifier, _ from: Identifier, _ to: Identifier) -> Link {
        var link = Link(id: id, from: from, to: to, medium: .satellite)
        link.elevation = Quantity(40, .degree)
        return link
    }

    @Test("a fiber to a satellite is an error at its medium, or at the link when the medium defaulted to fiber")
    func fiberToOrbit() {
        let defaulted = Link(id: "S3", from: "SAT", to: "X", length: Quantity(10, .kilometre))
        let written = Link(id: "S4", from: "X", to: "SAT", medium: .fiber, length: Quantity(10, .kilometre))
        let problems = topology([satelliteLink("S1", "SAT", "OGS"), defaulted, written]).validate()
        #expect(problems.map(\.keyPath) == ["links[1]", "links[2].medium"])
        #expect(problems.allSatisfy { $0.severity == .error })
        #expect(problems.first?.message == "link S3 names no medium, so it defaulted to fiber, but SAT is a satellite: "
                + "no fiber reaches orbit; write medium: satellite (a free-space link joins two satellites)")
    }

    @Test("a free-space link from a satellite to the ground, and a satellite link between two satellites, are errors")
    func wrongOpticalMedium() {
        let ground = Link(id: "F1", from: "SAT", to: "OGS", medium: .freeSpace, length: Quantity(800, .kilometre))
        let problems = topology([ground, satelliteLink("S2", "SAT", "SAT2")]).validate()
        #expect(problems.map(\.keyPath) == ["links[0].medium", "links[1].medium"])
    }

    @Test("a free-space link between two satellites (inter-satellite, through vacuum) and satellite links are accepted")
    func interSatellite() {
        let between = Link(id: "ISL", from: "SAT", to: "SAT2", medium: .freeSpace, length: Quantity(1000, .kilometre))
        let fiber = Link(id: "G", from: "OGS", to: "X", length: Quantity(10, .kilometre))
        #expect(topology([between, satelliteLink("S1", "SAT", "OGS"), fiber]).validate().isEmpty)
    }
}

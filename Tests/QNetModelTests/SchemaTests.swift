import Testing
@testable import QNetModel

@Suite("The schema of keys")
struct SchemaTests {
    @Test("a quantity key stores its value and reads back the same text")
    func quantityRoundTrip() throws {
        var link = Link.blank
        let field = try #require(Link.field(named: "length"))
        try field.write(.scalar("25 km"), into: &link)
        #expect(link.length == Quantity(25, .kilometre))
        #expect(field.read(link) == .scalar("25 km"))
    }

    @Test("bounds refuse what cannot be", arguments: [
        ("efficiency", "120 %", "above 100 %"),
        ("efficiency", "-5 %", "negative"),
        ("dead_time", "-1 ns", "negative"),
    ])
    func bounds(_ key: String, _ text: String, _ phrase: String) throws {
        var detector = Detector.blank
        let field = try #require(Detector.field(named: key))
        let error = #expect(throws: FieldError.self) { try field.write(.scalar(text), into: &detector) }
        #expect(error?.message.contains(phrase) == true)
    }

    @Test("a misalignment above 50 % is refused, on a link and in defaults; 50 % itself is accepted")
    func misalignmentBound() throws {
        var link = Link.blank
        let field = try #require(Link.field(named: "misalignment"))
        let error = #expect(throws: FieldError.self) { try field.write(.scalar("59.9 %"), into: &link) }
        #expect(error?.message.contains("must not be above 50 %") == true)
        try field.write(.scalar("50 %"), into: &link)
        var defaults = TopologyDefaults.blank
        let inDefaults = try #require(TopologyDefaults.field(named: "misalignment"))
        #expect(throws: FieldError.self) { try inDefaults.write(.scalar("0.51"), into: &defaults) }
    }

    @Test("a detector key's help names each kind's built-in figure from the one table the planner reads")
    func detectorHelpFollowsTheKindTable() throws {
        let help = try #require(Detector.field(named: "efficiency")).help
        for kind in DetectorKind.allCases {
            #expect(help.contains("\(kind.rawValue) \(kind.builtInDefaults.efficiency.quantity.text)"), "\(kind)")
        }
        #expect(DetectorKind.homodyne.builtInDefaults.efficiency.quantity.text == "60 %")
        // Each kind is typical of its kind: an InGaAs APD is far less efficient and noisier than an SNSPD.
        let ingaas = DetectorKind.ingaasAPD.builtInDefaults, snspd = DetectorKind.snspd.builtInDefaults
        #expect(ingaas.efficiency.quantity.si < 0.3 && ingaas.efficiency.quantity.si >= 0.1)
        let ingaasDark = try #require(ingaas.darkCountRate), snspdDark = try #require(snspd.darkCountRate)
        #expect(ingaasDark.quantity.si > snspdDark.quantity.si)
        #expect(try #require(ingaas.afterpulseProbability).quantity.si > 0)
        for kind in DetectorKind.allCases {
            #expect(kind.builtInDefaults.efficiency.reference.contains("("), "\(kind): a figure names its reference")
        }
    }

    @Test("every record's keys are unique and documented")
    func keysAreUniqueAndDocumented() {
        func check<Record: SchemaRecord>(_ record: Record.Type) {
            let keys = record.fields.map(\.key)
            #expect(Set(keys).count == keys.count, "duplicate key in \(record)")
            #expect(record.fields.allSatisfy { !$0.help.isEmpty }, "undocumented key in \(record)")
        }
        check(Node.self)
        check(Link.self)
        check(Demand.self)
        check(PhotonSource.self)
        check(Detector.self)
        check(QuantumMemory.self)
        check(TopologyDefaults.self)
        check(SatellitePass.self)
        check(FiniteKeySettings.self)
    }

    @Test("choices accept their names and list them when refusing")
    func choices() throws {
        var link = Link.blank
        let field = try #require(Link.field(named: "medium"))
        try field.write(.scalar("free-space"), into: &link)
        #expect(link.medium == .freeSpace)
        let error = #expect(throws: FieldError.self) { try field.write(.scalar("copper"), into: &link) }
        #expect(error?.message.contains("fiber | free-space | satellite") == true)
    }

    @Test("signal intensity takes auto or a number")
    func tunable() throws {
        var source = PhotonSource.blank
        let field = try #require(PhotonSource.field(named: "signal_intensity"))
        try field.write(.scalar("auto"), into: &source)
        #expect(source.signalIntensity == .auto)
        try field.write(.scalar("0.5"), into: &source)
        #expect(source.signalIntensity == .fixed(0.5))
        #expect(throws: FieldError.self) { try field.write(.scalar("lots"), into: &source) }
    }

    @Test("a position is {x, y} or {lat, lon}; an error names the inner key")
    func position() throws {
        var node = Node.blank
        let field = try #require(Node.field(named: "position"))
        try field.write(.mapping([.init("x", "1 km"), .init("y", "2 km")]), into: &node)
        #expect(node.position == .planar(x: Quantity(1, .kilometre), y: Quantity(2, .kilometre)))
        let error = #expect(throws: FieldError.self) {
            try field.write(.mapping([.init("lat", "95 deg"), .init("lon", "0 deg")]), into: &node)
        }
        #expect(error?.subkey == "lat")
    }

    @Test("a nested record refuses unknown keys by name")
    func nestedUnknownKey() throws {
        var link = Link.blank
        let field = try #require(Link.field(named: "pass"))
        let error = #expect(throws: FieldError.self) {
            try field.write(.mapping([.init("min_elevaton", "10 deg")]), into: &link)
        }
        #expect(error?.subkey == "min_elevaton")
        #expect(error?.message.contains("min_elevation") == true)
    }
}

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
        for record in Self.records { check(record) }
    }

    @Test("every key that takes a quantity names its dimension and units in its help, with or without a default")
    func quantityKeysNameTheirUnits() {
        #expect(Link.field(named: "tx_aperture")?.helpWithUnits == "transmit aperture diameter [length: km m cm mm um nm]")
        #expect(Link.field(named: "pointing_jitter")?.helpWithUnits == "rms pointing error per axis (satellite links: default 1.2 urad, Micius) [angle: deg rad mrad urad]")
        #expect(Link.field(named: "extra_losses")?.helpWithUnits.hasSuffix("[loss: dB]") == true)
        #expect(Link.field(named: "medium")?.helpWithUnits == Link.field(named: "medium")?.help, "a choice has no unit")
        // A key is a quantity when a value with a unit of no dimension is refused as "not a unit of" its dimension.
        func check<Record: SchemaRecord>(_ record: Record.Type) {
            for field in record.fields {
                var blank = Record.blank
                var refusesUnit = false
                do throws(FieldError) { try field.write(.scalar("1 zz"), into: &blank) } catch {
                    refusesUnit = error.message.contains("is not a unit of")
                }
                #expect(!refusesUnit || field.dimension != nil, "\(record).\(field.key) takes a quantity but names no unit")
                if let dimension = field.dimension { #expect(field.helpWithUnits.hasSuffix("[\(dimension.noun): \(dimension.unitSymbols)]")) }
            }
        }
        for record in Self.records { check(record) }
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

    /// Every record type of a topology file.
    static let records: [any SchemaRecord.Type] = [Node.self, Link.self, Demand.self, PhotonSource.self, Detector.self,
                                                   QuantumMemory.self, TopologyDefaults.self, SatellitePass.self,
                                                   FiniteKeySettings.self]
}

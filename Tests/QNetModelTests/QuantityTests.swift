import Testing
@testable import QNetModel

@Suite("Quantities: numbers with units")
struct QuantityTests {
    @Test("a unit is read with or without the space", arguments: ["30 km", "30km", " 30  km "])
    func spacing(_ text: String) throws {
        let quantity = try Quantity.parse(text, as: .length)
        #expect(quantity.si == 30_000)
        #expect(quantity.text == "30 km")
    }

    @Test("1e-6, 1.0e-6 and 0.000001 are the same number")
    func numberSpellings() throws {
        let values = try ["1e-6", "1.0e-6", "0.000001"].map { try Quantity.parse($0, as: .ratio).si }
        #expect(Set(values).count == 1)
        #expect(values[0] == 1e-6)
    }

    @Test("SI conversions of the units a topology uses")
    func conversions() throws {
        #expect(try Quantity.parse("0.2 dB/km", as: .attenuation).si == 0.2e-3)
        #expect(try Quantity.parse("85 %", as: .ratio).si == 0.85)
        #expect(try Quantity.parse("1 GHz", as: .frequency).si == 1e9)
        #expect(try Quantity.parse("30 ps", as: .time).si == 30e-12)
        #expect(abs(try Quantity.parse("17 ps/nm/km", as: .dispersion).si - 17e-6) < 1e-18)
        #expect(abs(try Quantity.parse("30 deg", as: .angle).si - Double.pi / 6) < 1e-15)
        #expect(try Quantity.parse("1.2 urad", as: .angle).si == 1.2e-6)
        #expect(try Quantity.parse("1 kbit/s", as: .keyRate).si == 1000)
    }

    @Test("key-rate aliases read as their unit and are listed where help lists units (QA: kbps, bps, kb/s were undocumented)")
    func keyRateAliases() throws {
        for (text, si) in [("1 kbps", 1e3), ("1 kb/s", 1e3), ("5 bps", 5.0), ("5 b/s", 5.0), ("2 Mbps", 2e6), ("1 Gb/s", 1e9)] {
            let quantity = try Quantity.parse(text, as: .keyRate)
            #expect(quantity.si == si, "\(text)")
        }
        #expect(try Quantity.parse("1 kbps", as: .keyRate).text == "1 kbit/s")
        #expect(Dimension.keyRate.unitAliases == "bps b/s = bit/s, kbps kb/s = kbit/s, Mbps Mb/s = Mbit/s, Gbps Gb/s = Gbit/s")
        #expect(Dimension.loss.unitAliases.isEmpty)
    }

    @Test("a bare number only where the dimension has a bare unit")
    func bareNumbers() throws {
        #expect(try Quantity.parse("0.85", as: .ratio).si == 0.85)
        #expect(try Quantity.parse("1.16", as: .dimensionless).si == 1.16)
        #expect(try Quantity.parse("1e-15", as: .refractiveStructure).si == 1e-15)
        #expect(throws: QuantityError.self) { try Quantity.parse("50", as: .length) }
    }

    /// Why `text` is refused as a quantity of `dimension`, nil when it is read.
    private func problem(_ text: String, _ dimension: Dimension) -> QuantityError.Problem? {
        do {
            _ = try Quantity.parse(text, as: dimension)
            return nil
        } catch {
            return error.problem
        }
    }

    @Test("refusals name the problem and the accepted units")
    func refusals() {
        #expect(problem("50", .length) == .missingUnit)
        #expect(problem("50 dB", .length) == .wrongUnit("dB"))
        #expect(problem("far", .length) == .notANumber)
        #expect(problem("nan km", .length) == .notFinite)
        #expect(problem(".inf", .length) == .notFinite)
        // Finite as written, infinite in metres: refused, as the planner and the map compute in SI units.
        #expect(problem("1e306 km", .length) == .tooLarge)
        #expect(problem("1e305 km", .length) == nil)
        #expect(problem("0x10 km", .length) != nil)
        let error = QuantityError(text: "50", dimension: .length, problem: .missingUnit)
        #expect(error.description.contains("km"))
        #expect(error.description.contains("50"))
    }

    @Test("digit groups split by a space, thin space or no-break space are refused with the number written whole (QA)")
    func spaceInNumber() throws {
        #expect(problem("30 000 km", .length) == .spaceInNumber("30000 km"))
        #expect(problem("30\u{2009}000 km", .length) == .spaceInNumber("30000 km"))
        #expect(problem("1\u{00A0}234\u{00A0}567.5 km", .length) == .spaceInNumber("1234567.5 km"))
        #expect(problem("1 000", .dimensionless) == .spaceInNumber("1000"))
        #expect(QuantityError(text: "30 000 km", dimension: .length, problem: .spaceInNumber("30000 km")).description
            == "'30 000 km': a number cannot contain a space (digit groups are not read); write 30000 km")
        #expect(try Quantity.parse("30000 km", as: .length) == Quantity(30000, .kilometre))
    }

    @Test("a decimal comma (digits, a comma, digits) is refused with the number written with a point (QA)")
    func decimalComma() {
        #expect(problem("40,5 km", .length) == .decimalComma("40.5 km", thousands: nil))
        #expect(problem("40,5km", .length) == .decimalComma("40.5 km", thousands: nil))
        #expect(problem("0,25", .dimensionless) == .decimalComma("0.25", thousands: nil))
        #expect(problem("2,5 dB/km", .attenuation) == .decimalComma("2.5 dB/km", thousands: nil))
        // Anything else than digits, a comma and digits keeps its own reason.
        #expect(problem("40, km", .length) == .wrongUnit(", km"))
        #expect(problem("-1,5 km", .length) == .wrongUnit(",5 km"))
        #expect(QuantityError(text: "40,5 km", dimension: .length, problem: .decimalComma("40.5 km", thousands: nil)).description
            == "'40,5 km': a decimal comma is not read; write 40.5 km, with a decimal point")
        // Three digits after the comma may group thousands: both readings are offered (1.000 km is a thousandth of it).
        #expect(problem("1,000 km", .length) == .decimalComma("1.000 km", thousands: "1000 km"))
        // A second reader: more groups, a decimal point or a leading 0 leave one reading.
        #expect(problem("1,000,000 km", .length) == .decimalComma(nil, thousands: "1000000 km"))
        #expect(problem("12,345.6 km", .length) == .decimalComma(nil, thousands: "12345.6 km"))
        #expect(problem("0,250 km", .length) == .decimalComma("0.250 km", thousands: nil))
        #expect(QuantityError(text: "1,000,000 km", dimension: .length, problem: .decimalComma(nil, thousands: "1000000 km"))
            .description == "'1,000,000 km': a comma is not read (digit groups are not read); write 1000000 km")
        #expect(QuantityError(text: "1,000 km", dimension: .length, problem: .decimalComma("1.000 km", thousands: "1000 km"))
            .description == "'1,000 km': a comma is not read; write 1000 km if it groups thousands, or 1.000 km with a decimal point")
    }

    @Test("refusals read right whatever the dimension: an before a vowel, no unit list where none is written")
    func refusalWording() {
        #expect(QuantityError(text: "far", dimension: .angle, problem: .notANumber).description
            == "'far' is not a number; expected an angle (deg, rad, mrad, urad)")
        #expect(QuantityError(text: "far", dimension: .dimensionless, problem: .notANumber).description
            == "'far' is not a number; expected a bare number")
        #expect(QuantityError(text: "1e-15 %", dimension: .refractiveStructure, problem: .wrongUnit("%")).description
            == "'%' is not allowed: this key takes a bare number, without a unit")
        #expect("endpoint".withIndefiniteArticle == "an endpoint")
        #expect("ingaas-apd".withIndefiniteArticle == "an ingaas-apd")
        #expect("relay".withIndefiniteArticle == "a relay")
    }

    @Test("small numbers are written with a plain exponent")
    func exponentFormat() {
        #expect(Quantity.format(1e-6) == "1e-6")
        #expect(Quantity.format(2.5e-12) == "2.5e-12")
        #expect(Quantity.format(0.2) == "0.2")
    }

    @Test("formatting round-trips every value it writes", arguments: [25.0, 0.2, 1e-6, 1.16, 0.1 + 0.2, 123456.789, -3])
    func formatRoundTrip(_ value: Double) {
        #expect(Quantity.parseNumber(Quantity.format(value)) == value)
    }
}

@Suite("Units")
struct UnitTests {
    @Test("every unit belongs to its dimension's list, and symbols are unique within a dimension")
    func catalogIsConsistent() {
        for unit in Unit.allCases {
            #expect(unit.dimension.units.contains(unit), "\(unit) is missing from its dimension's units")
        }
        for dimension in Dimension.allCases {
            let spellings = dimension.units.flatMap { [$0.symbol] + $0.aliases }
            #expect(Set(spellings).count == spellings.count, "ambiguous spelling in \(dimension)")
        }
    }

    @Test("a quantity stays small: a topology holds tens of thousands")
    func quantityIsCompact() {
        #expect(MemoryLayout<Quantity>.stride <= 16)
        #expect(MemoryLayout<Quantity?>.stride <= 16)
    }
}

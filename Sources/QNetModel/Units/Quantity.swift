import Foundation

/// A number with the unit it was written in.
///
/// The magnitude is kept as written (`25` in `km`), so that saving a file
/// writes back what the user wrote; `si` gives the value in SI units.
public struct Quantity: Sendable, Hashable {
    /// The number as written, in `unit`.
    public var magnitude: Double
    /// The unit it was written in.
    public var unit: Unit

    /// A quantity of `magnitude` in `unit`.
    public init(_ magnitude: Double, _ unit: Unit) {
        self.magnitude = magnitude
        self.unit = unit
    }

    /// The value in SI units (see `Unit`).
    public var si: Double { magnitude * unit.factor }

    /// The dimension of this quantity.
    public var dimension: Dimension { unit.dimension }

    /// The text a file holds for this quantity (`25 km`, `85 %`, `0.85`).
    public var text: String {
        let number = Quantity.format(magnitude)
        return unit.symbol.isEmpty ? number : "\(number) \(unit.symbol)"
    }

    /// Parses `text` as a quantity of `dimension`: a finite number followed by a
    /// unit, with or without a space (`30km`, `30 km`); a bare number only where
    /// the dimension has a bare unit.
    public static func parse(_ text: String, as dimension: Dimension) throws(QuantityError) -> Quantity {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let (numberText, unitText) = splitNumber(trimmed) else {
            throw QuantityError(text: text, dimension: dimension, problem: .notANumber)
        }
        guard let magnitude = parseNumber(numberText) else {
            throw QuantityError(text: text, dimension: dimension, problem: .notFinite)
        }
        // `30 000 km`: a space (or a thin or no-break space) inside the number splits it before the unit.
        if let first = unitText.first, first.isASCII, first.isNumber {
            throw QuantityError(text: text, dimension: dimension, problem: .spaceInNumber(joiningGroups(numberText, unitText)))
        }
        if let readings = commaReadings(numberText, unitText) {
            throw QuantityError(text: text, dimension: dimension, problem: .decimalComma(readings.point, thousands: readings.thousands))
        }
        if unitText.isEmpty {
            guard let bare = dimension.bareUnit else {
                throw QuantityError(text: text, dimension: dimension, problem: .missingUnit)
            }
            return try Quantity(magnitude, bare).finiteInSI(text, dimension)
        }
        guard let unit = dimension.units.first(where: { $0.matches(unitText) }) else {
            throw QuantityError(text: text, dimension: dimension, problem: .wrongUnit(unitText))
        }
        return try Quantity(magnitude, unit).finiteInSI(text, dimension)
    }

    /// The quantity, when its value in SI units is a finite number (`1e306 km` is not: 1e309 m overflows).
    private func finiteInSI(_ text: String, _ dimension: Dimension) throws(QuantityError) -> Quantity {
        guard si.isFinite else { throw QuantityError(text: text, dimension: dimension, problem: .tooLarge) }
        return self
    }

    /// Parses a plain finite number (`1e-6`, `0.000001`, `-3`); nil for words, hex, NaN or infinities.
    public static func parseNumber(_ text: String) -> Double? {
        let allowed = Set("0123456789+-.eE")
        guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Formats a number so that parsing the text gives the same `Double`:
    /// integers without a decimal point, others in Swift's shortest round-trip form.
    /// Exponents lose their padding (`1e-6`, not Swift's `1e-06`).
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        let text = "\(value)"
        guard let marker = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: marker)...]) else {
            return text
        }
        return "\(text[..<marker])e\(exponent)"
    }

    /// The readings of a number written with commas, from its digits before the first comma (`number`) and the rest:
    /// a decimal comma (`40,5 km`: `40.5 km`) where one comma is followed by digits alone, and digit groups of
    /// thousands (`1,000,000 km`: `1000000 km`; `12,345.6 km`: `12345.6 km`) where the groups are of three digits
    /// after a first of one to three that does not start with 0 (`1,000 km` has both readings, `0,250 km` only the
    /// first); nil when neither fits.
    private static func commaReadings(_ number: String, _ rest: String) -> (point: String?, thousands: String?)? {
        func digits(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
        guard digits(Substring(number)), rest.first == "," else { return nil }
        let text = number + rest
        let numeric = text.prefix { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }
        let unit = text.dropFirst(numeric.count).trimmingCharacters(in: .whitespaces)
        let suffix = unit.isEmpty ? "" : " \(unit)"
        let parts = numeric.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1] : nil
        guard groups.allSatisfy(digits), fraction.map(digits) ?? true else { return nil }
        let point = groups.count == 2 && fraction == nil ? "\(groups[0]).\(groups[1])" + suffix : nil
        let thousands = groups[0].count <= 3 && groups[0].first != "0" && groups.dropFirst().allSatisfy { $0.count == 3 }
            ? groups.joined() + (fraction.map { ".\($0)" } ?? "") + suffix : nil
        return point == nil && thousands == nil ? nil : (point, thousands)
    }

    /// `30000 km` from the `30` and `000 km` of `30 000 km`: the digit groups that follow the number, joined to it.
    private static func joiningGroups(_ number: String, _ rest: String) -> String {
        var joined = number
        var rest = Substring(rest)
        while let first = rest.first, first.isASCII, first.isNumber {
            let group = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            joined += group
            rest = rest.dropFirst(group.count).drop { $0.isWhitespace }
        }
        return rest.isEmpty ? joined : "\(joined) \(rest)"
    }

    /// Splits `30 km` into (`30`, `km`). Nil when the text does not start with a number.
    private static func splitNumber(_ text: String) -> (String, String)? {
        let numberChars = Set("0123456789+-.eE")
        var end = text.startIndex
        while end < text.endIndex, numberChars.contains(text[end]) { end = text.index(after: end) }
        // Back off an exponent marker that belongs to no exponent ("5 e" is not "5e").
        while end > text.startIndex, Double(text[text.startIndex..<end]) == nil {
            end = text.index(before: end)
        }
        guard end > text.startIndex else {
            // `nan`, `.inf`, `-infinity`, alone or before a unit, are numbers that are not finite.
            let word = text.prefix { !$0.isWhitespace && !"0123456789".contains($0) }.lowercased()
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "+-."))
            return ["nan", "inf", "infinity"].contains(where: { bare.hasPrefix($0) }) ? ("nan", "") : nil
        }
        let unit = text[end...].trimmingCharacters(in: .whitespaces)
        return (String(text[text.startIndex..<end]), unit)
    }
}

/// Why a text is not a quantity of the expected dimension.
public struct QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Problem: Sendable, Hashable {
        case notANumber
        case notFinite
        /// Finite as written, but not in SI units.
        case tooLarge
        case missingUnit
        case wrongUnit(String)
        /// Digit groups split by spaces (`30 000 km`); the payload is the text with them joined (`30000 km`).
        case spaceInNumber(String)
        /// A comma in a number (`40,5 km`); the payload is the text read with a decimal point (`40.5 km`), and without
        /// the commas where they may group thousands (`1,000 km`: `1000 km`), each nil where that reading does not fit.
        case decimalComma(String?, thousands: String?)
    }

    /// The text that was read.
    public let text: String
    /// The dimension that was expected.
    public let dimension: Dimension
    /// What went wrong.
    public let problem: Problem

    /// The units the key accepts, as a reader would write them.
    public var acceptedUnits: String {
        dimension.units.map { $0.symbol.isEmpty ? "a bare number" : $0.symbol }.joined(separator: ", ")
    }

    /// What the key takes: `a length (km, m, …)`, or `a bare number` where no unit is written.
    private var expected: String {
        dimension == .dimensionless ? "a bare number" : "\(dimension.noun.withIndefiniteArticle) (\(acceptedUnits))"
    }

    public var description: String {
        switch problem {
        case .notANumber:
            return "'\(text)' is not a number; expected \(expected)"
        case .notFinite:
            return "'\(text)' is not a finite number; expected \(expected)"
        case .tooLarge:
            return "'\(text)' is too large to compute with (beyond 1.8e308 in SI units); expected \(expected)"
        case .spaceInNumber(let joined):
            return "'\(text)': a number cannot contain a space (digit groups are not read); write \(joined)"
        case .decimalComma(let corrected?, let thousands?):
            // A second reader: `1,000 km` read as 1.000 km would be a thousand times too short.
            return "'\(text)': a comma is not read; write \(thousands) if it groups thousands, or \(corrected) with a "
                + "decimal point"
        case .decimalComma(let corrected?, nil):
            return "'\(text)': a decimal comma is not read; write \(corrected), with a decimal point"
        case .decimalComma(_, let thousands):
            return "'\(text)': a comma is not read (digit groups are not read); write \(thousands ?? text)"
        case .missingUnit:
            return "'\(text)' has no unit; \(dimension.noun.withIndefiniteArticle) takes one of: \(acceptedUnits)"
        case .wrongUnit(let unit) where dimension.units.allSatisfy(\.symbol.isEmpty):
            return "'\(unit)' is not allowed: this key takes a bare number, without a unit"
        case .wrongUnit(let unit):
            // Two letters are too few to tell a typo from another unit (`kg` is no `km`), unless only the case differs.
            let symbols = dimension.units.map(\.symbol).filter { !$0.isEmpty }
            let hint = unit.count >= 3 || symbols.contains { $0.lowercased() == unit.lowercased() }
                ? KeySuggestion.hint(for: unit, in: symbols) : ""
            return "'\(unit)' is not a unit of \(dimension.noun)\(hint); use one of: \(acceptedUnits)"
        }
    }
}

import Foundation
import Testing
import Yams

/// One scalar (or unsupported) input value of a validation case.
enum CaseValue: Sendable, Hashable {
    case number(Double)
    case text(String)
    case flag(Bool)
    case unsupported
}

/// Allowed deviation for one expected quantity.
enum CaseTolerance: Sendable, Hashable {
    case relative(Double)
    case absolute(Double)

    func accepts(_ actual: Double, expected: Double) -> Bool {
        switch self {
        case .relative(let r): return abs(actual - expected) <= r * abs(expected)
        case .absolute(let a): return abs(actual - expected) <= a
        }
    }
}

/// One row of a case from `../shared/validation/cases.yaml`, list inputs expanded.
///
/// A case whose inputs hold a list (e.g. `length_km: [0, 50, 100]`) becomes
/// one row per element; list-valued expectations are matched by index.
struct CaseRow: Sendable, CustomTestStringConvertible {
    var id: String
    var row: Int?
    var model: String
    var source: String
    var inputs: [String: CaseValue]
    var expected: [String: Double]
    var tolerance: [String: CaseTolerance]
    /// Why a published value is not reproduced (`known_issue:`), or nil.
    var knownIssue: String? = nil

    var testDescription: String { row.map { "\(id)[\($0)]" } ?? id }

    /// The case's name and source, for failure messages.
    var label: String { "case \(testDescription) (\(source))" }

    func number(_ key: String) throws -> Double {
        guard case .number(let value) = inputs[key] else { throw CaseError.missingInput(key, label) }
        return value
    }

    func optionalNumber(_ key: String) -> Double? {
        if case .number(let value) = inputs[key] { return value }
        return nil
    }

    func text(_ key: String) -> String? {
        if case .text(let value) = inputs[key] { return value }
        return nil
    }

    func flag(_ key: String) -> Bool {
        if case .flag(let value) = inputs[key] { return value }
        return false
    }

    /// Checks every expected quantity of the row against `computed`, naming the case on failure.
    func check(_ computed: [String: Double], sourceLocation: SourceLocation = #_sourceLocation) {
        for (key, expectedValue) in expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = computed[key] else {
                Issue.record("\(label): the test computes no '\(key)'", sourceLocation: sourceLocation)
                continue
            }
            guard let tol = tolerance[key] else {
                Issue.record("\(label): no tolerance for '\(key)'", sourceLocation: sourceLocation)
                continue
            }
            #expect(
                tol.accepts(actual, expected: expectedValue),
                "\(label): \(key) = \(actual), expected \(expectedValue) within \(tol)",
                sourceLocation: sourceLocation)
        }
    }
}

enum CaseError: Error, CustomStringConvertible {
    case missingInput(String, String)
    case malformed(String)

    var description: String {
        switch self {
        case .missingInput(let key, let label): return "\(label): input '\(key)' missing or not a number"
        case .malformed(let what): return "validation cases: \(what)"
        }
    }
}

/// Loads and expands the shared validation cases.
enum ValidationCases {
    /// `<package root>/../shared/validation/cases.yaml`: this file is
    /// `<root>/Tests/QNetPhysicsTests/ValidationCases.swift`, so three levels up is
    /// the root and a fourth is the folder that holds `shared/` beside it.
    static let sharedURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/validation/cases.yaml")

    /// The project's copy of the shared cases, `Tests/validation/shared/cases.yaml`, read where `../shared` is not
    /// beside the clone; `VendoredCasesTests` keeps it equal to the shared file where that is there.
    static let vendoredURL = projectFolderURL.appendingPathComponent("shared/cases.yaml")

    /// The shared cases: `../shared`'s file when the clone has it beside it, else the project's copy.
    static var fileURL: URL {
        FileManager.default.fileExists(atPath: sharedURL.path) ? sharedURL : vendoredURL
    }

    /// `<package root>/Tests/validation/`: the project's own cases, one YAML file per model family, in the
    /// shared file's format (`source:` and `kind: published|derived` on every case).
    static let projectFolderURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("validation")

    /// The shared file and every project file, the shared one first.
    static var fileURLs: [URL] {
        let project = (try? FileManager.default.contentsOfDirectory(at: projectFolderURL, includingPropertiesForKeys: nil)) ?? []
        return [fileURL] + project.filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Every row of every case of every file; throws if a file is missing or malformed.
    static func load() throws -> [CaseRow] {
        try fileURLs.flatMap { try load(from: $0) }
    }

    /// Every row of every case in `url`.
    private static func load(from url: URL) throws -> [CaseRow] {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let cases = try Yams.load(yaml: text) as? [Any] else { throw CaseError.malformed("\(url.lastPathComponent): not a list") }
        var rows: [CaseRow] = []
        for entry in cases {
            guard let dict = entry as? [String: Any],
                let id = dict["id"] as? String,
                let model = dict["model"] as? String
            else { throw CaseError.malformed("a case without id or model") }
            rows += try expand(id: id, model: model, dict)
        }
        return rows
    }

    /// Rows of one model family, from every file; empty if a file cannot be read (`casesFileLoads` then fails).
    static func rows(model: String) -> [CaseRow] {
        ((try? load()) ?? []).filter { $0.model == model }
    }

    private static func number(_ any: Any) -> Double? {
        switch any {
        case let value as Int: return Double(value)
        case let value as Double: return value
        default: return nil
        }
    }

    private static func value(_ any: Any) -> CaseValue {
        if let bool = any as? Bool { return .flag(bool) }
        if let double = number(any) { return .number(double) }
        if let string = any as? String { return .text(string) }
        return .unsupported
    }

    private static func expand(id: String, model: String, _ dict: [String: Any]) throws -> [CaseRow] {
        let source = dict["source"] as? String ?? "no source given"
        let inputs = dict["inputs"] as? [String: Any] ?? [:]
        let expect = dict["expect"] as? [String: Any] ?? [:]
        let tolerances = dict["tolerance"] as? [String: Any] ?? [:]

        var tolerance: [String: CaseTolerance] = [:]
        for (key, any) in tolerances {
            guard let spec = any as? [String: Any] else { throw CaseError.malformed("\(id): tolerance \(key)") }
            if let r = spec["relative"].flatMap(number) {
                tolerance[key] = .relative(r)
            } else if let a = spec["absolute"].flatMap(number) {
                tolerance[key] = .absolute(a)
            } else {
                throw CaseError.malformed("\(id): tolerance \(key) is neither relative nor absolute")
            }
        }

        let listLengths = Set(inputs.values.compactMap { ($0 as? [Any])?.count })
        guard listLengths.count <= 1 else { throw CaseError.malformed("\(id): list inputs of different lengths") }
        let rowCount = listLengths.first
        var rows: [CaseRow] = []
        for index in 0..<(rowCount ?? 1) {
            var rowInputs: [String: CaseValue] = [:]
            for (key, any) in inputs {
                if let list = any as? [Any] { rowInputs[key] = value(list[index]) } else { rowInputs[key] = value(any) }
            }
            var expected: [String: Double] = [:]
            for (key, any) in expect {
                var element = any
                if let list = any as? [Any] {
                    guard list.count == rowCount else { throw CaseError.malformed("\(id): expect \(key) has \(list.count) values for \(rowCount ?? 1) rows") }
                    element = list[index]
                }
                guard let double = number(element) else { throw CaseError.malformed("\(id): expect \(key) not a number") }
                expected[key] = double
            }
            rows.append(
                CaseRow(
                    id: id, row: rowCount == nil ? nil : index, model: model, source: source,
                    inputs: rowInputs, expected: expected, tolerance: tolerance,
                    knownIssue: dict["known_issue"] as? String))
        }
        return rows
    }
}

import QNetModel

/// A value with where it came from: a key path (`links[0].attenuation`) or a
/// built-in default and its reference.
struct Sourced<Value: Hashable & Sendable>: Hashable, Sendable {
    var value: Value
    var basis: String

    init(_ value: Value, _ basis: String) {
        self.value = value
        self.basis = basis
    }

    /// The basis when it is a key path of the file (`equipment.sources.w.kind`), else `fallback`: a built-in
    /// default's basis is a sentence, and a diagnostic about the value is located at the key to set instead.
    func keyPath(else fallback: String) -> String {
        Self.isBuiltIn(basis) ? fallback : basis
    }

    /// Whether `basis` is a built-in default's: a sentence, where a value written in the file has its key path,
    /// which holds no space (ids and keys hold none).
    static func isBuiltIn(_ basis: String) -> Bool { basis.contains(" ") }

    /// `value` with its basis when it is set (the basis is built only then).
    static func given(_ value: Value?, _ basis: @autoclosure () -> String) -> Sourced? {
        value.map { Sourced($0, basis()) }
    }

    /// The first set candidate, else the built-in default.
    static func first(_ candidates: [(Value?, String)], else fallback: BuiltInDefault<Value>) -> Sourced<Value> {
        for (value, basis) in candidates {
            if let value { return Sourced(value, basis) }
        }
        return Sourced(fallback.value, fallback.basis)
    }
}

extension BuiltInDefault {
    /// The default with its basis.
    var sourced: Sourced<Value> { Sourced(value, basis) }
}

extension Sourced where Value == Double {
    /// `quantity` in SI with its basis when it is set (the basis is built only then).
    static func given(_ quantity: Quantity?, _ basis: @autoclosure () -> String) -> Sourced? {
        quantity.map { Sourced($0.si, basis()) }
    }

    /// The first set quantity (in SI), else the built-in default.
    static func quantity(_ candidates: [(Quantity?, String)], else fallback: BuiltInDefault<Double>) -> Sourced<Double> {
        first(candidates.map { ($0.0?.si, $0.1) }, else: fallback)
    }
}

/// An optional stored out of line, behind one pointer: for the large parts of a plan that few
/// links or segments have (a satellite pass, a repeater chain), so that the plan structs held
/// by the thousand stay small. Reads and writes as the plain optional.
@propertyWrapper
public struct OutOfLine<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The boxed value: an indirect case is stored on the heap, the enum itself is one pointer.
    private indirect enum Storage: Hashable, Sendable {
        case value(Value)
    }

    private var storage: Storage?

    public init(wrappedValue: Value?) {
        storage = wrappedValue.map(Storage.value)
    }

    public var wrappedValue: Value? {
        get {
            guard case .value(let value)? = storage else { return nil }
            return value
        }
        set { storage = newValue.map(Storage.value) }
    }
}

/// Whether the caller of a long computation still wants its result (the workbench's what-ifs of a topology edited
/// since), asked at the computation's natural points — each failure case, each suggested change and each demand it
/// lowers — so that one no longer wanted stops early. Once it answers true it must keep answering true: a
/// computation that stopped early then throws rather than return what it had.
public struct Cancellation: Sendable {
    private let check: @Sendable () -> Bool

    /// A cancellation that asks `isCancelled`, from the thread that computes.
    public init(_ isCancelled: @escaping @Sendable () -> Bool) {
        check = isCancelled
    }

    /// A computation nobody cancels.
    public static let never = Cancellation { false }

    /// Whether the result is no longer wanted.
    public var isCancelled: Bool { check() }

    /// Throws `CancellationError` when the result is no longer wanted.
    public func checkpoint() throws(CancellationError) {
        if isCancelled { throw CancellationError() }
    }
}

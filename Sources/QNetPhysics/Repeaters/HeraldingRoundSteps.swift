/// The round lengths worth trying for a chain's shared heralding round, shortest first (`HeraldingRound.candidateSeconds`):
/// the floor R0, then every distinct step k·Δ_i > R0 with k ≤ M of every distinct spacing Δ_i, where link i gains a mode
/// (temporal multiplexing of Simon et al., PRL 98, 190503 (2007)).
public struct HeraldingRoundSteps: Sequence, IteratorProtocol {
    public typealias Element = (seconds: Double, limit: HeraldingRound.Limit)

    /// The floor R0 = max(longest L0/c, widest spacing), s, and what sets it.
    public let floor: Element
    /// The longest step, max_i M·Δ_i: from there on every link tries all M modes, s (the floor when no step is above it).
    public let longest: Double
    private var floorPending = true
    /// The distinct spacings (the first link's limit for equal ones) and, for each, its next multiple k.
    private var spacings: [HeraldingRound.Spacing]
    private var multiples: [Int]
    private let modes: Int

    /// Steps above `floor` of the links' `spacings` (positive and finite) whose memories hold `modes` modes.
    init(floor: Element, spacings: [HeraldingRound.Spacing], modes: Int) {
        self.floor = floor
        let most = Swift.max(1, modes)
        self.modes = most
        var distinct: [HeraldingRound.Spacing] = []
        for spacing in spacings where !distinct.contains(where: { Self.same($0.seconds, spacing.seconds) }) {
            distinct.append(spacing)
        }
        self.spacings = distinct
        multiples = floor.seconds.isFinite ? distinct.map { HeraldingRound.fitted(floor.seconds, $0.seconds) + 1 } : distinct.map { _ in Int.max }
        longest = Swift.max(floor.seconds, distinct.map { Double(most) * $0.seconds }.max() ?? 0)
    }

    /// The next length, the shortest not yet given.
    public mutating func next() -> Element? {
        if floorPending {
            floorPending = false
            return floor
        }
        var shortest: Element?
        for (i, spacing) in spacings.enumerated() where multiples[i] <= modes {
            let step = Double(multiples[i]) * spacing.seconds
            if shortest.map({ step < $0.seconds && !Self.same(step, $0.seconds) }) ?? true { shortest = (step, spacing.limit) }
        }
        guard let step = shortest else { return nil }
        for (i, spacing) in spacings.enumerated() where multiples[i] <= modes && Self.same(Double(multiples[i]) * spacing.seconds, step.seconds) {
            multiples[i] += 1
        }
        return step
    }

    /// Whether two lengths are equal but for rounding.
    private static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-12 * Swift.max(a, b)
    }
}

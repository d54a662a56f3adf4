/// A terminal in memory, for tests: events are queued in advance, every drawn
/// canvas is kept, and the size changes when a resize event is read.
public final class InMemoryTerminal: Terminal {
    public private(set) var size: Size
    public let colorCapability: ColorCapability
    public let glyphs: GlyphSet
    /// Every canvas drawn, oldest first.
    public private(set) var drawn: [Canvas] = []
    /// Events still to be read; nil stands for a wait that times out with no input.
    public private(set) var pending: [InputEvent?]

    /// A terminal of `size` that will report `events` in order, then none.
    public init(size: Size, events: [InputEvent] = [], colorCapability: ColorCapability = .extended,
                glyphs: GlyphSet = .unicode) {
        self.size = size
        self.pending = events.map { $0 }
        self.colorCapability = colorCapability
        self.glyphs = glyphs
    }

    /// The last canvas drawn, if any.
    public var screen: Canvas? { drawn.last }

    /// Scripted: every result the workbench computes is there before the next event.
    public var isInteractive: Bool { false }

    /// Queues more events.
    public func send(_ events: [InputEvent]) { pending += events.map { $0 } }

    /// Queues `count` waits that time out without input (the user is idle).
    public func idle(_ count: Int) { pending += Array(repeating: nil, count: count) }

    /// Queues the keys that type `text`.
    public func type(_ text: String) { pending += text.map { .key(.character($0)) } }

    public func draw(_ canvas: Canvas) { drawn.append(canvas) }

    /// Drops the events queued before the next wait that times out (nil), those typed ahead, but a resize; returns how
    /// many keys it dropped.
    @discardableResult
    public func discardTypedAhead() -> Int {
        let typedAhead = pending.prefix { $0 != nil }
        pending.replaceSubrange(typedAhead.indices, with: typedAhead.filter { event in
            if case .resize? = event { true } else { false }
        })
        return typedAhead.count { event in
            if case .key? = event { true } else { false }
        }
    }

    /// The next queued event; once the queue is empty, `.hangup`, as a closed terminal would.
    public func nextEvent(timeout: Duration) -> InputEvent? {
        guard !pending.isEmpty else { return .hangup }
        let event = pending.removeFirst()
        if case .resize(let newSize)? = event { size = newSize }
        return event
    }
}

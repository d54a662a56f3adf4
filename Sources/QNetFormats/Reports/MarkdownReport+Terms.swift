extension MarkdownReport {
    /// The words the report uses in a sense of its own, each in a line (QA: an architect reading it for the first
    /// time met segments beside links, margins of 97 dB and `pqc-only` without a word on what they mean).
    static let terms = [
        "**link** (`A-B`): one fiber, free-space or satellite channel with its equipment. **segment** (`A~M~B`): the "
            + "links between two nodes that hold key, planned as one (through an untrusted relay, from a pair source, "
            + "along a repeater chain); a segment of one link is that link.",
        "**trusted node**: holds the key of each segment it ends and passes keys on by one-time pad, so whoever runs it "
            + "can read them; the demand tables name the nodes each demand must trust.",
        "**best path**: the widest single path of segments between a demand's ends; **max flow**: the most key per "
            + "second all paths carry together, within the demand's `max_trusted_nodes`; **met alone**: the max flow "
            + "reaches the required rate with the network to itself; **met together**: every demand at once.",
        "**margin**: how much more loss a link's channel (or a segment's) tolerates before its key falls to zero, not "
            + "to a demand's rate; negative: the loss to remove before a key appears.",
        "**PLOB bound**: −log2(1 − η) bits per pulse, the most key any protocol without a repeater draws from a channel "
            + "of transmittance η (Pirandola et al., Nat. Commun. 8, 15043 (2017)); twin-field and repeater segments "
            + "can exceed that of their whole channel, the link PLOB bound is that of one link.",
        "**PQC only** (`pqc-only`): no QKD path serves the demand; post-quantum cryptography alone protects it.",
        "**N−1**: every single link or node failure, one at a time; a failure **breaks** a demand met now when it "
            + "leaves less than the required rate, and a demand short of it when it leaves less key than it has.",
    ]

    /// The report's closing list of `terms`.
    static func termsSection(into text: inout MarkdownText) {
        text.heading("Terms")
        for term in terms { text.line("- " + term) }
        text.blank()
    }
}

import QNetModel

/// Built-in defaults of twin-field and CV-QKD links, each with its reference.
extension PlanningDefaults {
    // MARK: Twin-field QKD

    /// Twin-field variant when a link names none.
    public static let twinFieldVariant = BuiltInDefault(TwinFieldVariant.sns,
                                                        "sending-or-not-sending, Wang, Yu, Hu, PRA 98, 062323 (2018)")
    /// Phase slices M of the phase post-selection.
    public static let phaseSlices = BuiltInDefault(16, "M = 16, Ma, Zeng, Zhou, PRX 8, 031043 (2018)")
    /// Detectors of a twin-field relay, over which its dark-count figure is shared.
    public static let twinFieldRelayDetectors = BuiltInDefault(2, "two detectors behind the relay's beam splitter (Lucamarini, Yuan, Dynes, Shields, Nature 557, 400 (2018))")

    // MARK: CV-QKD

    /// Modulation variance V_A, shot-noise units.
    public static let modulationVariance = BuiltInDefault(4.0, "V_A = 4 SNU, a moderate modulation chosen here, not optimised (with beta < 1 a large V_A lowers the key; Laudenbach et al., Adv. Quantum Technol. 1, 1800011 (2018)); set the source's modulation_variance")
    /// Symbol rate of a coherent-gaussian source, Hz.
    public static let symbolRate = BuiltInDefault(100e6, "100 MHz symbol rate")
    /// Excess noise, shot-noise units.
    public static let excessNoise = BuiltInDefault(0.01, "0.01 SNU, a typical GG02 figure (Laudenbach et al. 2018)")
    /// Where the excess noise is referred to.
    public static let excessNoiseReference = BuiltInDefault(ExcessNoiseReference.channelInput,
                                                            "referred to the channel input, Laudenbach et al. 2018")
    /// Reconciliation efficiency β.
    public static let reconciliationEfficiency = BuiltInDefault(0.95, "beta = 95 %, multidimensional LDPC reconciliation")
}

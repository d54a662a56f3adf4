import QNetModel

/// How a GG02 CV-QKD link's key comes about: β·I_AB − χ_BE and the figures behind them.
public struct CVQKDPlan: Sendable, Hashable {
    /// homodyne or heterodyne.
    public var detection: DetectorKind
    /// V_A, shot-noise units.
    public var modulationVariance: Double
    /// Excess noise as given, shot-noise units.
    public var excessNoise: Double
    /// Where `excessNoise` is referred to.
    public var excessNoiseReference: ExcessNoiseReference
    /// Excess noise referred to the channel input, as the key rate uses it.
    public var excessNoiseAtInput: Double
    /// Bob's detector efficiency (trusted).
    public var detectorEfficiency: Double
    /// Bob's electronic noise, shot-noise units (trusted).
    public var electronicNoise: Double
    /// β.
    public var reconciliationEfficiency: Double
    /// I_AB, bits per symbol.
    public var mutualInformation: Double
    /// χ_BE, bits per symbol.
    public var holevoBound: Double
    /// Secret key per symbol.
    public var keyPerSymbol: Double
    /// Symbols per second.
    public var symbolRateHz: Double

    public init(detection: DetectorKind, modulationVariance: Double, excessNoise: Double,
                excessNoiseReference: ExcessNoiseReference, excessNoiseAtInput: Double, detectorEfficiency: Double,
                electronicNoise: Double, reconciliationEfficiency: Double, mutualInformation: Double,
                holevoBound: Double, keyPerSymbol: Double, symbolRateHz: Double) {
        self.detection = detection
        self.modulationVariance = modulationVariance
        self.excessNoise = excessNoise
        self.excessNoiseReference = excessNoiseReference
        self.excessNoiseAtInput = excessNoiseAtInput
        self.detectorEfficiency = detectorEfficiency
        self.electronicNoise = electronicNoise
        self.reconciliationEfficiency = reconciliationEfficiency
        self.mutualInformation = mutualInformation
        self.holevoBound = holevoBound
        self.keyPerSymbol = keyPerSymbol
        self.symbolRateHz = symbolRateHz
    }
}

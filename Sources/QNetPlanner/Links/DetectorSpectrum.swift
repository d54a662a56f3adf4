import QNetModel

extension DetectorKind {
    /// hc in eV·m, to turn a band gap into a cutoff wavelength.
    private static let planckTimesLightSpeed = 1.239_841_98e-6

    /// The longest wavelength the detector's absorber detects, m: the band-gap cutoff hc/E_g of
    /// silicon (E_g = 1.12 eV at 300 K: Sze and Ng, Physics of Semiconductor Devices, 3rd ed., 2007,
    /// Appendix) and of In0.53Ga0.47As (0.75 eV: Pearsall, IEEE J. Quantum Electron. 16, 709, 1980).
    /// Nil for superconducting nanowires and for the photodiodes of homodyne and heterodyne
    /// receivers, which are chosen for the link's wavelength.
    var cutoffWavelength: Double? {
        switch self {
        case .siAPD: return Self.planckTimesLightSpeed / 1.12
        case .ingaasAPD: return Self.planckTimesLightSpeed / 0.75
        case .snspd, .homodyne, .heterodyne: return nil
        }
    }

    /// Whether the detector absorbs light of `wavelength` (m).
    func detects(wavelength: Double) -> Bool {
        cutoffWavelength.map { wavelength <= $0 } ?? true
    }
}

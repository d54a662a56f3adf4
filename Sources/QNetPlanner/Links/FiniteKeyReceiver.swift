import Foundation
import QNetPhysics

/// What the receiver adds to the channel: efficiency, background, afterpulsing, optical error and dead time,
/// in the terms of Lim et al.'s receiver model (PRA 89, 022307 (2014), Sec. IV).
struct FiniteKeyReceiver {
    /// Detector efficiency × window fraction.
    let efficiency: Double
    /// Y0, dark and background clicks per window.
    let noise: Double
    let afterpulse: Double
    /// e_mis: misalignment plus half the inter-symbol fraction.
    let errorRate: Double
    let misalignment: Double
    let timingError: Double
    let detector: ResolvedDetector

    init(_ link: ResolvedLink, timing: TimingBudget) {
        efficiency = Sanitise.fraction(timing.detectorEfficiency.value) * Sanitise.fraction(timing.windowFraction)
        noise = Sanitise.fraction(timing.noiseProbability)
        afterpulse = Sanitise.fraction(link.detector.afterpulseProbability.value)
        misalignment = Sanitise.fraction(link.misalignment.value)
        timingError = 0.5 * Sanitise.fraction(timing.interSymbolFraction)
        errorRate = min(0.5, misalignment + timingError)
        detector = link.detector
    }

    /// Clicks per pulse, afterpulses included, of pulses of mean photon number `intensity` at system transmittance η.
    func clicks(transmittance: Double, intensity: Double) -> Double {
        (noise + (1 - noise) * -expm1(-transmittance * intensity)) * (1 + afterpulse)
    }

    /// Clicks per pulse without afterpulses, of dark counts, background and pulses reaching the detector with
    /// transmittance η, averaged over `settings`' intensities and probabilities (Lim et al. 2014, Sec. IV: Σ_k p_k D_k).
    func detections(transmittance: Double, settings: FiniteKeyDecoySettings) -> Double {
        var sum = 0.0
        for k in settings.intensities.indices {
            sum += settings.probabilities[k] * (noise + (1 - noise) * -expm1(-transmittance * settings.intensities[k]))
        }
        return sum
    }

    /// The detector's self-consistent load at `settings` with `arriving` = channel × efficiency: the detections
    /// without dead time, plus the afterpulses of those registered (Knoll 2010, Ch. 4, Sec. VII).
    func load(arriving: Double, settings: FiniteKeyDecoySettings, repetitionRate: Double) -> DetectorLoad {
        DetectorLoad.settled(arrivals: detections(transmittance: arriving, settings: settings),
                             registered: { detections(transmittance: arriving * $0, settings: settings) },
                             detector: detector, repetitionRate: repetitionRate)
    }

    /// E_X and its parts, averaged over the intensities as the key basis sees them (Lim et al.'s e_k / R_k).
    func qberBudget(_ result: FiniteKeyDecoyBB84Result, transmittance: Double) -> QBERBudget? {
        let clicks = result.detectionsPerPulse
        guard clicks > 0 else { return nil }
        let s = result.settings
        let signal = (0..<3).reduce(0.0) { $0 + s.probabilities[$1] * -expm1(-transmittance * s.intensities[$1]) }
        return QBERBudget(misalignment: Sanitise.fraction(misalignment * signal / clicks),
                          darkAndBackground: Sanitise.fraction(0.5 * noise / clicks),
                          afterpulsing: Sanitise.fraction(0.5 * afterpulse / (1 + afterpulse)),
                          timing: Sanitise.fraction(timingError * signal / clicks))
    }
}

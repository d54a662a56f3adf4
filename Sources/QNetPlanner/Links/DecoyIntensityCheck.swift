import QNetModel
import QNetPhysics

/// Decoy-BB84 intensities whose bounds do not hold, with the key to change: the vacuum + weak decoy bounds need
/// 0 < ν < μ (Ma, Qi, Zhao, Lo, PRA 72, 012326, 2005), the finite key μ1 > μ2 + μ3 and μ2 > μ3 ≥ 0 (Lim, Curty,
/// Walenta, Xu, Zbinden, PRA 89, 022307, 2014). Such a link has no key, and the plan an error at that key.
struct DecoyIntensityCheck {
    /// Why the intensities give no key, naming each value and where it comes from.
    var reason: String
    /// The key to change (the file's, or where to write it when the value is a built-in default).
    var keyPath: String

    /// The error that `check` reports for `link`.
    func diagnostic(_ link: ResolvedLink) -> Diagnostic {
        Diagnostic(.error, "link \(link.inputs.link.id): \(reason)", keyPath: keyPath)
    }
}

extension DecoyIntensityCheck {
    /// The problem of an asymptotic vacuum + weak decoy link's ν and μ, or nil (infinite decoys need neither).
    init?(asymptotic link: ResolvedLink) {
        let source = link.source
        guard source.decoy.value == .vacuumWeak else { return nil }
        let nu = source.decoyIntensity
        // The texts are made only for a problem: every link of a large network passes this check.
        var nuText: String { "the decoy intensity nu = \(Format.number(nu.value)) (\(nu.basis))" }
        let bounds = "the vacuum + weak decoy bounds need 0 < nu < mu (Ma, Qi, Zhao, Lo, PRA 72, 012326, 2005)"
        var nuKey: String { nu.keyPath(else: source.path("decoy_intensity")) }
        guard nu.value > 0 else {
            self.init(reason: "\(nuText) must be above 0: \(bounds)", keyPath: nuKey)
            return
        }
        switch source.signalIntensity.value {
        case .fixed(let mu) where !(mu > nu.value):
            self.init(reason: "the signal intensity mu = \(Format.number(mu)) (\(source.signalIntensity.basis)) must exceed "
                          + "\(nuText): \(bounds)",
                      keyPath: source.signalIntensity.keyPath(else: source.path("signal_intensity")))
        case .auto where !(nu.value * 1.001 < DecoyBB84.intensityRange.upper):
            self.init(reason: "\(nuText) leaves no signal intensity mu to optimise: the planner searches mu up to "
                          + "\(Format.number(DecoyBB84.intensityRange.upper)) and \(bounds)",
                      keyPath: nuKey)
        default:
            return nil
        }
    }

    /// The problem of a finite-key link's fixed settings (`settings`, with the source's signal intensity), or nil.
    init?(finite link: ResolvedLink, _ settings: ResolvedFiniteKey) {
        let source = link.source
        guard let (setting, why) = settings.choices(signal: source.signalIntensity.value).violated else { return nil }
        func shown(_ name: String, _ value: Sourced<Tunable>) -> String {
            "\(name) = \(value.value.fixedValue.map { Format.number($0) } ?? "auto") (\(value.basis))"
        }
        let intensities = [shown("mu1", source.signalIntensity), shown("mu2", settings.decoyIntensity),
                           shown("mu3", settings.secondDecoyIntensity)].joined(separator: ", ")
        let (key, name, values): (Sourced<Tunable>, String, String) = switch setting {
        case .signalIntensity: (source.signalIntensity, "signal_intensity", intensities)
        case .decoyIntensity: (settings.decoyIntensity, "decoy_intensity", intensities)
        case .secondDecoyIntensity: (settings.secondDecoyIntensity, "second_decoy_intensity", intensities)
        case .basisBias: (settings.basisBias, "basis_bias", shown("q_X", settings.basisBias))
        }
        self.init(reason: "finite-key settings: \(why) (Lim et al. 2014): \(values)",
                  keyPath: key.keyPath(else: source.path(name)))
    }
}

import Foundation
import QNetFormats
import QNetModel
import QNetPlanner

/// Topology files the tests read.
enum Fixtures {
    /// The whole example of the "Shape" section of `topology-format.md`, verbatim.
    static let shapeExample = """
qnet: 1                          # format version (required)
name: Vienna metro (SECOQC-like)
description: free text
sources: ["Peev et al., New J. Phys. 11, 075001 (2009)"]

defaults:                        # optional, inherited by links and nodes
  wavelength: 1550 nm
  fiber_attenuation: 0.2 dB/km
  fiber_dispersion: 17 ps/nm/km
  clock_sync_jitter: 10 ps       # FWHM, between sender and receiver clocks
  protocol: bb84-decoy

equipment:
  sources:
    wcp-1g:
      kind: weak-coherent        # weak-coherent | spdc | single-photon | coherent-gaussian
      repetition_rate: 1 GHz
      signal_intensity: auto     # mean photon number, or auto = optimised by the engine
      decoy: vacuum+weak         # infinite | vacuum+weak (decoy method)
      decoy_intensity: 0.1
      jitter: 10 ps              # every jitter is a FWHM, as data sheets give it
      linewidth: 0.1 nm          # spectral width, for dispersion
  detectors:
    snspd:
      kind: snspd                # snspd | ingaas-apd | si-apd | homodyne | heterodyne
      efficiency: 85 %
      dark_count_rate: 100 Hz    # whole receiver; or dark_count_probability: 1e-6 per window
      dead_time: 50 ns
      dead_time_model: non-paralysable   # or paralysable
      jitter: 30 ps
      afterpulse_probability: 0 %
      gate_width: 200 ps         # detection / coincidence window
  memories:
    nv-centre:
      efficiency: 50 %           # write-read efficiency
      coherence_time: 1 s
      modes: 1                   # multiplexed modes

nodes:
  - id: A                        # unique, [A-Za-z0-9_-]+ (no dots: `:set ID.KEY` splits on them)
    name: Alice HQ
    kind: endpoint               # endpoint | trusted | repeater | relay | source | satellite
    position: {x: 0 km, y: 0 km} # or {lat: 48.2 deg, lon: 16.37 deg}
    source: wcp-1g
    detector: snspd
  - id: T1
    kind: trusted                # terminates QKD links and relays keys (sees the key)
    position: {x: 25 km, y: 5 km}
    source: wcp-1g
    detector: snspd
  - id: R1
    kind: repeater               # entanglement swapping with quantum memories
    memory: nv-centre
    swap_success: 50 %
  - id: M1
    kind: relay                  # untrusted measurement station (MDI-QKD, TF-QKD, heralding)
    detector: snspd
  - id: B
    kind: endpoint
    position: {x: 27 km, y: 5 km}
    detector: snspd
  - id: SAT
    kind: satellite
    altitude: 500 km
    source: wcp-1g
  - id: OGS
    kind: trusted                # optical ground station
    position: {lat: 47.07 deg, lon: 15.44 deg}
    detector: snspd

links:
  - id: L1
    between: [A, T1]
    medium: fiber                # fiber | free-space | satellite
    length: 25 km
    attenuation: 0.2 dB/km       # default from defaults.fiber_attenuation
    extra_losses:                # itemised, each shows in the loss budget
      connectors: 1.0 dB
      splices: 0.3 dB
    misalignment: 1 %            # optical error e_d
    protocol: bb84-decoy         # bb84-decoy | bbm92 | mdi | tf | cv-gg02 | entanglement
    ec_efficiency: 1.16          # error-correction inefficiency f
    sifting: standard            # standard (1/2 of detections kept) | efficient (biased bases)
  - id: F1
    between: [T1, B]
    medium: free-space
    length: 2 km
    tx_aperture: 10 cm
    rx_aperture: 20 cm
    atmospheric_attenuation: 0.5 dB/km
    turbulence_cn2: 1e-15        # m^(-2/3), optional
    pointing_jitter: 2 urad
    background_rate: 500 Hz      # stray counts at the receiver
  - id: S1
    between: [SAT, OGS]
    medium: satellite
    direction: downlink          # downlink: the satellite sends | uplink: the ground sends
    # turbulence: hv57           # uplinks only: Cn² profile (Hufnagel-Valley 5/7; none)
    elevation: 30 deg            # one geometry, or pass: {min_elevation: 10 deg}
    tx_aperture: 30 cm
    beam_divergence: 10 urad     # optional full angle; overrides the aperture's diffraction limit
    rx_aperture: 1 m
    wavelength: 850 nm
    zenith_transmittance: 80 %
    pointing_jitter: 1 urad

demands:                         # what the network must deliver
  - id: A-B                      # optional; default "FROM-TO"
    between: [A, B]
    key_rate: 1 kbit/s
    max_trusted_nodes: 2         # optional policy
"""

    /// A topology using the keys the shape example leaves out: protocol
    /// parameters, nested mappings, tricky strings and exponent notation.
    static let rich = """
qnet: 1
name: "yes"
description: |-
  Two lines of text,
  with a colon: here and # a hash
sources: ["1e3", "", " leading space", "Zürich – Ω", "a: b", "#x", "null", "~", "2024-01-01"]
defaults:
  protocol: mdi
  misalignment: 0.015
  ec_efficiency: 1.1
  sifting: efficient
equipment:
  sources:
    wcp-3:
      kind: weak-coherent
      signal_intensity: auto
      decoy_intensity: auto
      second_decoy_intensity: 2e-4
      basis_bias: auto
    spdc-1: {kind: spdc, repetition_rate: 1 GHz, mean_pair_number: 0.000001}
    gauss-1: {kind: coherent-gaussian, symbol_rate: 100 MHz, modulation_variance: 4}
  detectors:
    hom-1: {kind: homodyne, efficiency: 60 %, electronic_noise: 0.05}
    apd: {kind: ingaas-apd, dark_count_probability: 1.0e-6, gate_width: 1 ns}
  memories:
    mem: {efficiency: 0.5, coherence_time: 10 ms, modes: 100}
nodes:
  - {id: A, name: "true", position: {lat: 48.2 deg, lon: -16.37 deg}, source: wcp-3, detector: hom-1}
  - {id: B, name: "1e3", position: {x: -1.5 km, y: 2e3 m}, detector: apd}
  - {id: M, kind: relay, detector: apd}
  - {id: R1, kind: repeater, memory: mem, swap_success: 50 %, cutoff_time: 5 ms, purification: dejmps, purification_rounds: 2}
  - {id: S, kind: source, source: spdc-1}
  - {id: SAT, kind: satellite, altitude: 600 km, trusted: false, source: spdc-1}
  - {id: OGS, kind: trusted, detector: apd}
links:
  - {id: F1, between: [A, B], medium: fiber, length: 100 km, protocol: bb84-decoy,
     finite_key: {block_size: 1e9, epsilon_sec: 1e-10, epsilon_cor: 1e-15}}
  - id: M1
    between: [A, M]
    length: 60 km
    extra_losses: {connectors: 1.0 dB, "patch: panel": 0.25 dB}
    source: wcp-3
    detector: apd
    dispersion: 17 ps/nm/km
    clock_sync_jitter: 10 ps
  - {id: M2, between: [B, M], medium: fiber, length: 60 km, protocol: mdi}
  - {id: T1, between: [A, R1], medium: fiber, length: 250 km, protocol: tf, tf_variant: sns}
  - {id: E1, between: [S, B], medium: fiber, length: 40 km, protocol: bbm92}
  - {id: V1, between: [A, B], medium: fiber, length: 30 km, protocol: cv-gg02,
     excess_noise: 0.01, excess_noise_reference: channel-input, reconciliation_efficiency: 95 %}
  - {id: Q1, between: [R1, OGS], medium: fiber, length: 50 km, protocol: entanglement, heralding: two-click}
  - id: S1
    between: [SAT, OGS]
    medium: satellite
    direction: uplink
    turbulence: none
    pass: {max_elevation: 70 deg, min_elevation: 10 deg, passes_per_day: 2}
    zenith_transmittance: 0.8
  - {id: FS, between: [A, OGS], medium: free-space, length: 1500 m, turbulence_cn2: 1e-15, pointing_jitter: 2 urad}
demands:
  - between: [A, B]
    key_rate: 1 kbit/s
  - {id: far, between: [A, OGS], key_rate: 0.5 bit/s, max_trusted_nodes: 0}
"""

    /// The shipped sample `topologies/NAME.qnet.yaml`, read and planned.
    static func plannedSample(_ name: String) throws -> (Topology, Plan) {
        let url = packageRoot().appendingPathComponent("topologies/\(name).qnet.yaml")
        let topology = try TopologyReader.read(contentsOf: url)
        return (topology, Planner().plan(topology))
    }

    /// The package's root folder, found from this file's path.
    static func packageRoot(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()  // QNetFormatsTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }
}

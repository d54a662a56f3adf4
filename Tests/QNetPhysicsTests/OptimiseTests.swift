import Foundation
import Testing

import QNetPhysics

@Suite("Numerics: golden section, bisection and Nelder-Mead")
struct OptimiseTests {
    @Test("Golden section finds a parabola's peak within tolerance in about 30 evaluations")
    func goldenSection() {
        var evaluations = 0
        let best = Optimise.goldenSectionMaximum(lower: log(1e-3), upper: log(2), tolerance: 1e-5) { x in
            evaluations += 1
            return -(x - 0.3) * (x - 0.3) + 7
        }
        #expect(abs(best.x - 0.3) < 1e-5)
        #expect(abs(best.value - 7) < 1e-9)
        #expect(evaluations >= 25 && evaluations <= 40, "\(evaluations) evaluations")
    }

    @Test("Bisection returns an inside point within tolerance of the boundary, in either direction")
    func bisection() {
        let up = Optimise.bisectBoundary(lower: 0, upper: 10, tolerance: 1e-9) { $0 < Double.pi }
        #expect(up < Double.pi && Double.pi - up <= 1e-9)
        let down = Optimise.bisectBoundary(lower: 10, upper: 0, tolerance: 1e-9) { $0 > Double.pi }
        #expect(down > Double.pi && down - Double.pi <= 1e-9)
    }

    @Test("Nelder-Mead climbs Rosenbrock's valley to (1, 1) and stops at the box when the peak lies outside")
    func nelderMead() {
        let box = Optimise.Box(lower: [-2, -2], upper: [2, 2])
        // Rosenbrock, Comput. J. 3, 175 (1960): a curved valley, the classic test of simplex searches.
        let valley = Optimise.nelderMeadMaximum(start: [-1.2, 1], step: 0.5, box: box, tolerance: 1e-10, maxEvaluations: 5000) { x in
            -(100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]))
        }
        #expect(abs(valley.x[0] - 1) < 1e-6 && abs(valley.x[1] - 1) < 1e-6, "\(valley)")
        let edge = Optimise.nelderMeadMaximum(start: [0, 0], step: 1, box: box, tolerance: 1e-10, maxEvaluations: 5000) { x in
            -((x[0] - 3) * (x[0] - 3) + (x[1] + 0.5) * (x[1] + 0.5))
        }
        #expect(edge.x[0] == 2 && abs(edge.x[1] + 0.5) < 1e-6, "\(edge)")
        var calls = 0
        _ = Optimise.nelderMeadMaximum(start: [0], step: 1, box: Optimise.Box(lower: [-1], upper: [1]), tolerance: 1e-12,
                                       maxEvaluations: 50) { _ in calls += 1; return .nan }
        #expect(calls <= 2, "a function that is NaN everywhere stops the search (\(calls) calls)")
    }
}

import Foundation
import Testing

import QNetPhysics

@Suite("Numerics: golden section and bisection")
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
}

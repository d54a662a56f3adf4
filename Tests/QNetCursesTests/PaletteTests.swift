import Testing
import QNetTUI
@testable import QNetCurses

@Suite("Palette: one table of looks per role")
struct PaletteTests {
    @Test("good, ok and bad links look different on every kind of terminal")
    func linkStatesDiffer() {
        for capability in [ColorCapability.extended, .eight, .none] {
            let looks = [StyleRole.good, .ok, .bad].map { Palette.style(for: $0, capability) }
            if capability == .none {
                #expect(looks[2] != looks[0])
            } else {
                #expect(Set(looks).count == 3)
            }
        }
    }

    @Test("the selection stands out from normal text everywhere")
    func selection() {
        for capability in [ColorCapability.extended, .eight, .none] {
            #expect(Palette.style(for: .selection, capability) != Palette.style(for: .normal, capability))
        }
        #expect(Palette.style(for: .selection, .none).attributes.contains(.reverse))
    }

    @Test("colours stay inside the terminal's range")
    func ranges() {
        for role in StyleRole.allCases {
            let eight = Palette.style(for: role, .eight)
            #expect((-1...7).contains(eight.foreground) && (-1...7).contains(eight.background))
            let extended = Palette.style(for: role, .extended)
            #expect((-1...255).contains(extended.foreground) && (-1...255).contains(extended.background))
            let none = Palette.style(for: role, .none)
            #expect(none.foreground == -1 && none.background == -1)
        }
    }
}

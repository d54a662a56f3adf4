// swift-tools-version:6.0
import PackageDescription

// qnetplan: plan quantum networks (QKD links, trusted nodes, repeaters) from
// topology files, headless or in a terminal workbench.
//
// Dependencies, each for a reason:
// - swift-argument-parser: the `qnetplan` command line, its help and errors.
// - Yams: YAML with source marks (line, column) on every node, so every
//   error in a topology file names its place.
// System library: ncursesw (Debian's libncursesw5-dev) for the workbench.
// C shim: open-file-description locks (Linux), for the claim on an autosave.

let package = Package(
    name: "qnetplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "qnetplan", targets: ["qnetplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // MARK: Model: value types, no physics, no files
        .target(name: "QNetModel"),

        // MARK: Physics: pure functions with their sources
        .target(name: "QNetPhysics"),

        // MARK: Planner: Topology -> Plan
        .target(
            name: "QNetPlanner",
            dependencies: ["QNetModel", "QNetPhysics"]
        ),

        // MARK: Formats: topology YAML, reports
        .target(
            name: "QNetFormats",
            dependencies: ["QNetModel", "QNetPlanner", .product(name: "Yams", package: "Yams")]
        ),

        // MARK: Workbench: pure UI (state, reducer, views on a canvas), and its ncurses backend
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CFileLocks"),
        .target(name: "QNetTUI", dependencies: ["QNetModel", "QNetPlanner", "QNetFormats", "CFileLocks"]),
        .target(name: "QNetCurses", dependencies: ["QNetTUI", "CNcurses"]),

        // MARK: Command line: the commands in a library, a thin executable
        .target(
            name: "QNetCLI",
            dependencies: [
                "QNetModel", "QNetPlanner", "QNetFormats", "QNetTUI", "QNetCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "qnetplan", dependencies: ["QNetCLI"]),

        // MARK: Tests
        .testTarget(name: "QNetModelTests", dependencies: ["QNetModel"]),
        .testTarget(
            name: "QNetPhysicsTests",
            dependencies: ["QNetPhysics", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "QNetPlannerTests",
            dependencies: ["QNetModel", "QNetPlanner", "QNetPhysics", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "QNetFormatsTests",
            dependencies: ["QNetModel", "QNetPlanner", "QNetFormats", .product(name: "Yams", package: "Yams")],
            exclude: ["satellite-pass-cases.yaml"]
        ),
        .testTarget(name: "QNetTUITests", dependencies: ["QNetTUI", "QNetModel", "QNetPlanner", "QNetFormats"]),
        .testTarget(name: "QNetCursesTests", dependencies: ["QNetCurses", "QNetTUI"]),
        .testTarget(name: "QNetCLITests", dependencies: ["QNetCLI"]),
        // Runs the built `qnetplan` binary, headless and in tmux (needs `swift build` first; the tmux tests skip without tmux).
        .testTarget(name: "QNetEndToEndTests", dependencies: []),
    ]
)

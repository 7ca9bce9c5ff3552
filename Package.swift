// swift-tools-version:6.0
import PackageDescription

// Linux only (Debian 12 and alike): the C wrappers name Debian's libraries and the code calls Glibc, so
// no Apple platform is declared.
let package = Package(
  name: "Wijkweb",
  products: [
    .executable(name: "wijkweb", targets: ["wijkweb"]),
    // The benchmark suite's own program (Benchmarks/run), like swift-nio's performance tester: not shipped.
    .executable(name: "wijkweb-bench", targets: ["wijkweb-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CNcursesw",
      path: "Sources/CNcursesw",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    .systemLibrary(
      name: "CCairo",
      path: "Sources/CCairo",
      providers: [.apt(["libcairo2-dev"])]
    ),
    .systemLibrary(
      name: "CXlsxWriter",
      path: "Sources/CXlsxWriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    .systemLibrary(
      name: "CReadStat",
      path: "Sources/CReadStat",
      providers: [.apt(["libreadstat-dev"])]
    ),
    .systemLibrary(
      name: "CSodium",
      path: "Sources/CSodium",
      providers: [.apt(["libsodium-dev"])]
    ),
    .target(
      name: "WijkwebCore",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "WijkwebStore",
      dependencies: ["WijkwebCore", "CSodium", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(
      name: "WijkwebReports",
      dependencies: ["WijkwebCore", "CCairo", "CXlsxWriter", "CReadStat"]
    ),
    .target(
      name: "WijkwebTUI",
      dependencies: ["WijkwebCore", "CNcursesw"]
    ),
    .executableTarget(
      name: "wijkweb",
      dependencies: [
        "WijkwebCore", "WijkwebStore", "WijkwebReports", "WijkwebTUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      plugins: ["BuildCommit"]
    ),
    .plugin(name: "BuildCommit", capability: .buildTool()),
    .executableTarget(
      name: "wijkweb-bench",
      dependencies: [
        "WijkwebCore", "WijkwebStore", "WijkwebTUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Shared test fixtures (the repository's files, small questionnaires); only test targets use it.
    .target(name: "WijkwebTestSupport", dependencies: ["WijkwebCore"], path: "Tests/WijkwebTestSupport"),
    .testTarget(name: "WijkwebCoreTests", dependencies: ["WijkwebCore", "WijkwebTestSupport"]),
    .testTarget(name: "WijkwebStoreTests", dependencies: ["WijkwebStore", "WijkwebTestSupport"]),
    .testTarget(name: "WijkwebTUITests", dependencies: ["WijkwebTUI", "WijkwebTestSupport"]),
    .testTarget(name: "WijkwebReportsTests", dependencies: ["WijkwebReports", "CCairo", "WijkwebTestSupport"]),
  ]
)

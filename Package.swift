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
    .systemLibrary(
      name: "CLibpq",
      path: "Sources/CLibpq",
      providers: [.apt(["libpq-dev"])]
    ),
    .target(
      name: "WijkwebCrypto",
      dependencies: ["CSodium"]
    ),
    .systemLibrary(
      name: "CGLPK",
      path: "Sources/CGLPK",
      providers: [.apt(["libglpk-dev"])]
    ),
    .target(
      name: "WijkwebCore",
      dependencies: ["WijkwebCrypto", .product(name: "Yams", package: "Yams")]
    ),
    // The file-system edge both Store (backups) and Reports (exports, reports) write through: the one
    // atomic writer. Not in WijkwebCore, which does no I/O.
    .target(name: "WijkwebFiles"),
    .target(
      name: "WijkwebStore",
      dependencies: ["WijkwebCore", "WijkwebFiles", "WijkwebCrypto", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(
      name: "WijkwebCentral",
      dependencies: ["WijkwebCore", "CLibpq"]
    ),
    .target(
      name: "WijkwebReports",
      dependencies: ["WijkwebCore", "WijkwebFiles", "CCairo", "CXlsxWriter", "CReadStat"]
    ),
    .target(
      name: "WijkwebProfiles",
      dependencies: ["WijkwebCore", "WijkwebStore", "WijkwebCentral", "CGLPK"]
    ),
    .target(
      name: "WijkwebTUI",
      dependencies: ["WijkwebCore", "CNcursesw"]
    ),
    .executableTarget(
      name: "wijkweb",
      dependencies: [
        "WijkwebCore", "WijkwebFiles", "WijkwebStore", "WijkwebProfiles", "WijkwebReports", "WijkwebTUI", "WijkwebCentral",
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
    .testTarget(name: "WijkwebCryptoTests", dependencies: ["WijkwebCrypto"]),
    .testTarget(name: "WijkwebFilesTests", dependencies: ["WijkwebFiles"]),
    // The interview tests drive the state machine through the key map of WijkwebTUI, as the program does.
    .testTarget(name: "WijkwebCoreTests", dependencies: ["WijkwebCore", "WijkwebTUI", "WijkwebTestSupport"]),
    .testTarget(name: "WijkwebStoreTests", dependencies: ["WijkwebStore", "WijkwebTestSupport"]),
    .testTarget(name: "WijkwebCentralTests", dependencies: ["WijkwebCentral"]),
    .testTarget(name: "WijkwebProfilesTests", dependencies: ["WijkwebProfiles", "WijkwebTestSupport"]),
    .testTarget(name: "WijkwebTUITests", dependencies: ["WijkwebTUI", "WijkwebTestSupport"]),
    .testTarget(name: "WijkwebReportsTests", dependencies: ["WijkwebReports", "WijkwebFiles", "CCairo", "WijkwebTestSupport"]),
  ]
)

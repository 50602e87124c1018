// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "berth",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "berth", targets: ["berth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        // Model: Codable types and errors shared by every layer.
        .target(name: "BerthModel"),
        // One integer-preserving JSON tree for the engines; depends on nothing.
        .target(name: "BerthJSON"),
        // Engines: no HTTP server, no storage.
        .target(name: "BerthReference", dependencies: ["BerthModel"]),
        .target(name: "BerthSearch"),
        .target(
            name: "BerthRegistry",
            dependencies: [
                "BerthModel", "BerthReference",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "BerthScanner",
            dependencies: [
                "BerthJSON",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // Only to read rpmdb.sqlite files found in images, never for storage.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Cosign discovery (through the registry engine) and offline verification.
        .target(
            name: "BerthSignatures",
            dependencies: [
                "BerthJSON", "BerthReference", "BerthRegistry",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        // Store: versioned objects, knows no dialect.
        .target(
            name: "BerthStore",
            dependencies: [
                "BerthModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Services: the rules (validation, secrets, auth) over the store and engines.
        .target(
            name: "BerthServices",
            dependencies: [
                "BerthModel", "BerthStore", "BerthRegistry", "BerthReference", "BerthSearch", "BerthScanner", "BerthSignatures",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Dialect-neutral HTTP plumbing: auth, metrics, body limits, OpenAPI catalogue.
        .target(
            name: "BerthHTTP",
            dependencies: [
                "BerthModel", "BerthServices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // Dialects.
        .target(
            name: "BerthRoxAPI",
            dependencies: [
                "BerthModel", "BerthServices", "BerthHTTP", "BerthSearch", "BerthSignatures",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "BerthOpenShiftAPI",
            dependencies: [
                "BerthModel", "BerthServices", "BerthHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .target(
            name: "BerthCycleAPI",
            dependencies: [
                "BerthModel", "BerthServices", "BerthHTTP", "BerthReference",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The server assembly and the command line.
        .target(
            name: "BerthServer",
            dependencies: [
                "BerthModel", "BerthStore", "BerthServices", "BerthHTTP", "BerthRoxAPI", "BerthOpenShiftAPI", "BerthCycleAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "berth",
            dependencies: [
                "BerthServer", "BerthServices", "BerthStore", "BerthRegistry", "BerthModel", "BerthReference", "BerthSignatures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "BerthStoreTests",
            dependencies: ["BerthStore", "BerthModel", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(name: "BerthReferenceTests", dependencies: ["BerthReference"]),
        .testTarget(
            name: "BerthSignaturesTests",
            dependencies: [
                "BerthSignatures",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .testTarget(
            name: "BerthServicesTests",
            dependencies: [
                "BerthServices", "BerthStore", "BerthModel", "BerthRegistry", "BerthScanner", "BerthSearch",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "BerthSearchTests", dependencies: ["BerthSearch"]),
        .testTarget(name: "BerthOpenShiftAPITests", dependencies: ["BerthOpenShiftAPI", "BerthModel"]),
        .testTarget(
            name: "BerthScannerTests",
            dependencies: ["BerthScanner", .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "NIOCore", package: "swift-nio")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BerthRegistryTests",
            dependencies: ["BerthRegistry"]
        ),
        .testTarget(
            name: "BerthAPITests",
            dependencies: [
                "BerthServer", "BerthRoxAPI", "BerthHTTP", "BerthServices", "BerthStore", "BerthModel", "BerthRegistry",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // The signature tests sign images themselves, as cosign would.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)

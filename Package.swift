// swift-tools-version:6.0
// Talon: warranty and repair documents. Targets follow the pipeline in DESIGN order;
// each imports only the targets listed after it (see README "Architecture").
import PackageDescription

let package = Package(
    name: "Talon",
    products: [
        .executable(name: "talon", targets: ["talon"]),
        .library(name: "Talon", targets: ["TalonDocuments"]),
        .library(name: "TalonJournal", targets: ["TalonJournal"]),
    ],
    targets: [
        .systemLibrary(name: "CHaru", path: "Sources/CHaru", providers: [.apt(["libhpdf-dev"])]),
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CStringPrep", path: "Sources/CStringPrep", providers: [.apt(["libidn-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", path: "Sources/CMicroHTTPD", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt", providers: [.apt(["libcrypt-dev"])]),
        .target(name: "TalonPrimitives"),
        .target(name: "Warranty", dependencies: ["TalonPrimitives"]),
        .target(name: "Mustache", dependencies: ["TalonPrimitives"]),
        .target(name: "Markup", dependencies: ["TalonPrimitives"]),
        .target(name: "Barcode"),
        .target(name: "Layout", dependencies: ["TalonPrimitives", "Markup", "Barcode", "CDeflate"]),
        .target(name: "HaruPDF", dependencies: ["CHaru", "CDeflate", "CCrypto", "CStringPrep", "Layout", "TalonPrimitives"]),
        .target(
            name: "TalonDocuments",
            dependencies: ["TalonPrimitives", "Warranty", "Mustache", "Markup", "Layout", "HaruPDF", "Barcode"]),
        .target(name: "TalonJournal", dependencies: ["TalonDocuments", "TalonPrimitives", "Warranty", "CSQLite", "CLibPQ", "CCrypto"]),
        .target(name: "TalonMail", dependencies: ["CCurl"]),
        .target(
            name: "TalonServer",
            dependencies: ["TalonDocuments", "TalonJournal", "TalonPrimitives", "Warranty", "Mustache", "CMicroHTTPD", "CCrypt", "CCrypto"]),
        .executableTarget(name: "talon", dependencies: ["TalonDocuments", "TalonJournal", "TalonMail", "TalonServer", "TalonPrimitives"]),
        .executableTarget(
            name: "TalonBenchmarks",
            dependencies: ["TalonDocuments", "Mustache", "Barcode", "Layout", "HaruPDF", "Warranty", "Markup", "TalonJournal", "TalonPrimitives"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TalonPrimitivesTests", dependencies: ["TalonPrimitives"]),
        .testTarget(name: "WarrantyTests", dependencies: ["Warranty", "TalonPrimitives", "TestSupport"]),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache", "TalonPrimitives", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup", "TalonPrimitives", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "BarcodeTests", dependencies: ["Barcode", "TestSupport"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Markup", "Barcode", "TalonPrimitives", "TestSupport"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "HaruPDFTests", dependencies: ["HaruPDF", "CHaru", "Layout", "TestSupport"]),
        .testTarget(name: "TalonDocumentsTests", dependencies: ["TalonDocuments", "TalonPrimitives", "Warranty", "Mustache", "Layout", "TestSupport"]),
        .testTarget(name: "TalonJournalTests", dependencies: ["TalonJournal", "TalonMail", "TalonDocuments", "TestSupport"],
                    exclude: ["Sinks"]),
        .testTarget(name: "TalonServerTests", dependencies: ["TalonServer", "TalonDocuments", "TalonJournal", "TestSupport"],
                    exclude: ["Browser"]),
        .testTarget(name: "TalonCLITests", dependencies: ["TestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.1
import PackageDescription

// mediasec: conformance and fuzzing suite for the wire formats of 3GPP IMS
// media security (TR 33.829 / TS 33.328). Layering, bottom to top:
//   MediasecCore  (cursor, writer, diagnostics)
//   COpenSSL -> MediasecCrypto (the only module that touches libcrypto)
//   MIKEY         (RFC 3830 / 4563 / 4650 / 4738 / 6043 / 6509 + TR Annexes)
//   MediasecVectors (vector file format, generator, runner)
//   mediasec      (CLI)
//   MediasecFuzz + Fuzz* executables (libFuzzer harnesses; see Scripts/fuzz.sh)
let package = Package(
    name: "mediasec",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mediasec", targets: ["mediasec"]),
        .library(name: "MIKEY", targets: ["MIKEY"]),
        .library(name: "MediasecCore", targets: ["MediasecCore"]),
        .library(name: "CMS", targets: ["CMS"]),
        .library(name: "SDP", targets: ["SDP"]),
        .library(name: "ResourceLists", targets: ["ResourceLists"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(name: "MediasecCore"),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "MediasecCrypto", dependencies: ["COpenSSL"]),
        .target(name: "MIKEY", dependencies: ["MediasecCore", "MediasecCrypto"]),
        // CMS AuthEnvelopedData (RFC 5083/5084/5652), the TR 33.829 Annex B
        // S/MIME entity and TS 33.328 Annex I; uses MIKEY for the ori.
        .target(name: "CMS", dependencies: ["MediasecCore", "MediasecCrypto", "MIKEY"]),
        // SDP security attributes (RFC 8866, 4568, 8122, 4567, 4145, 4975,
        // 8856, 7345/8842, TS 24.229 a=3ge2ae); a=key-mgmt uses MIKEY.
        .target(name: "SDP", dependencies: ["MediasecCore", "MIKEY"]),
        // libxml2, hardened, reached only through ResourceLists.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // resource-lists XML (RFC 4826, copyControl RFC 5364, RFC 5366).
        .target(name: "ResourceLists", dependencies: ["MediasecCore", "CLibXML2"]),
        // multipart/mixed SIP bodies of TR 33.829 clauses 5.3.3.3/5.3.3.4:
        // each part validated by its codec, then cross-checked.
        .target(name: "SIPBody", dependencies: ["MediasecCore", "MIKEY", "CMS", "SDP", "ResourceLists"]),
        .target(name: "MediasecVectors", dependencies: ["MediasecCore", "MediasecCrypto", "MIKEY", "CMS", "SDP", "ResourceLists", "SIPBody"]),
        // Round-trip assertions shared by the test targets (not a product).
        .target(name: "MediasecTestSupport", dependencies: ["MediasecCore"]),
        .target(name: "MediasecFuzz", dependencies: ["MediasecCore", "MIKEY", "CMS", "SDP", "ResourceLists", "SIPBody"]),
        .executableTarget(
            name: "mediasec",
            dependencies: [
                "MediasecCore", "MIKEY", "CMS", "SDP", "ResourceLists", "SIPBody", "MediasecVectors", "MediasecFuzz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer harness. In a normal build it is a corpus replayer
        // (`FuzzMIKEY FILE…`); built by Scripts/fuzz.sh with
        // `--sanitize=fuzzer -Xswiftc -DMEDIASEC_LIBFUZZER` it is a fuzzer.
        .executableTarget(name: "FuzzMIKEY", dependencies: ["MediasecFuzz"]),
        .executableTarget(name: "FuzzDER", dependencies: ["MediasecFuzz"]),
        .executableTarget(name: "FuzzCMS", dependencies: ["MediasecFuzz"]),
        .executableTarget(name: "FuzzSMIME", dependencies: ["MediasecFuzz"]),
        .executableTarget(name: "FuzzSDP", dependencies: ["MediasecFuzz"]),
        .executableTarget(name: "FuzzResourceLists", dependencies: ["MediasecFuzz"]),
        .executableTarget(name: "FuzzSIPBody", dependencies: ["MediasecFuzz"]),
        .testTarget(name: "MediasecCoreTests", dependencies: ["MediasecCore"]),
        .testTarget(name: "MediasecCryptoTests", dependencies: ["MediasecCrypto", "MIKEY"], exclude: ["Wycheproof"]),
        .testTarget(
            name: "SDPTests",
            dependencies: ["SDP", "MediasecCore", "MIKEY", "MediasecFuzz", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "SIPBodyTests", dependencies: ["SIPBody", "MediasecCore", "MIKEY", "SDP", "ResourceLists", "CMS", "MediasecFuzz"]),
        .testTarget(
            name: "ResourceListsTests",
            dependencies: ["ResourceLists", "MediasecCore", "MediasecFuzz", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "CMSTests",
            dependencies: [
                "CMS", "MediasecCore", "MIKEY", "MediasecCrypto", "MediasecTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "MIKEYTests",
            dependencies: [
                "MIKEY", "MediasecCore", "MediasecVectors", "MediasecFuzz", "MediasecTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)

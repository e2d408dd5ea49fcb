import MediasecCore
import CMS

/// The CMS and S/MIME vector generator (`Vectors/cms/*.json`): deterministic
/// from the seed, expectations written from the specs, checked against the
/// validator by the shared self-check. Run by ``MIKEYVectorGenerator/generate(seed:)``
/// (one `mediasec generate-vectors` writes every format).
public enum CMSVectorGenerator {
    public static let name = "mediasec CMS/S-MIME vector generator"
    public static let version = "1.0.0"

    /// The areas, one file each: (file, format, area, build).
    static let areas: [(file: String, format: String, area: String, build: @Sendable (CMSVectorSet) -> Void)] = [
        ("cms/rfc5083.json", "cms", "rfc5083", CMSStructureVectors.build),
        ("cms/der.json", "cms", "der", CMSEncodingVectors.build),
        ("cms/crypto.json", "cms", "crypto", CMSCryptoVectors.build),
        ("cms/tr33829.json", "cms", "tr33829", CMSProfileVectors.annexB),
        ("cms/ts33328.json", "cms", "ts33328", CMSProfileVectors.annexI),
        ("cms/smime.json", "smime", "entity", SMIMEVectors.build),
    ]

    /// Builds every CMS/S/MIME file; throws when a case cannot be built (a generator bug).
    static func generate(seed: UInt64, codePoints: [(String, Int)]) throws -> [(String, VectorFile)] {
        var files: [(String, VectorFile)] = []
        var errors: [String] = []
        let generator = GeneratorInfo(name: name, version: version, seed: seed)
        for (file, format, area, build) in areas {
            let s = CMSVectorSet(format: format, area: area, seed: seed)
            build(s)
            errors += s.errors
            let flags = Set(s.vectors.flatMap(\.flags))
            files.append((file, VectorFile(format: format, generator: generator, codePoints: codePoints,
                                           notes: CMSVectorNotes.notes(for: flags), vectors: s.vectors)))
        }
        if !errors.isEmpty {
            throw GenerationError(description: "cannot build \(errors.count) CMS vector(s):\n  " + errors.joined(separator: "\n  "))
        }
        return files
    }

    /// Rules that no conforming input can show silent, with the reason.
    public static let silentExempt: [String: String] = [
        SMIMERules.transferEncodingNot7bit.code: "a DER AuthEnvelopedData always holds octets above 127 (its OIDs 1.2.840.… encode 0x86 0x48), so no conforming entity carries one in a 7bit body",
    ]

    /// Fire / no-fire coverage of the CMS and S/MIME rules, every decoding
    /// code (encoding layer and schema layer) with an invalid vector, and
    /// every DER deviation exercised under the BER rules too.
    public static func coverage(_ vectors: [TestVector], excluding: Set<String> = []) -> RuleCoverage {
        let rules = CMSRules.all.filter { $0.severity != .info }.map(\.code) + SMIMERules.all.filter { $0.severity != .info }.map(\.code)
        let decoding = ASN1FatalCodes.all.map(\.code) + CMSDecoder.decodingCodes.map(\.code) + DERDeviation.allCases.map(\.code)
        var cov = RuleCoverage.compute(vectors, rules: rules, decodingCodes: decoding, excluding: excluding)
        cov.silentExempt = silentExempt
        cov.berDeviations = DERDeviation.allCases.map(\.code)
        for v in vectors where !excluding.contains(v.id) && (v.profiles ?? []).contains("ber") {
            cov.berCovered.formUnion((v.expected.errorCodes + v.expected.findings).filter { cov.berDeviations.contains($0) })
        }
        return cov
    }
}

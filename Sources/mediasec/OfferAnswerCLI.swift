import Foundation
import MediasecCore
import MIKEY
import SDP

/// `validate --answer FILE`: the positional input is the SDP offer, FILE its
/// answer (RFC 3264). Findings are attributed by path: `offer.…` and
/// `answer.…` for each description's own, `pair.offer.…` / `pair.answer.…`
/// for the offer/answer rules (the second step names the file the offset
/// points into).
enum OfferAnswerCLI {
    static func readAnswer(_ path: String, encoding: InputEncoding) throws -> [UInt8] {
        guard path != "-" else { throw UsageFailure(description: "--answer needs a file (standard input may hold the offer)") }
        guard let d = FileManager.default.contents(atPath: path) else { throw UsageFailure(description: "cannot read \(path)") }
        return try InputOptions.decodeText([UInt8](d), encoding: encoding)
    }

    static func run(offer: [UInt8], answer: [UInt8], options: SDPValidationOptions, codePoints: CodePointProfile,
                    json: Bool, verbose: Bool) -> Int32 {
        let r = SDPValidator(options: options).validateOfferAnswer(offer: offer, answer: answer)
        if json {
            print(r.contractJSON(codePoints: codePoints).serialized())
        } else {
            let fs = r.attributedFindings
            let profiles = r.offer.profiles.union(r.answer.profiles).map(\.rawValue)
            print(ReportText.summary("sdp-offer-answer", fs, profiles: profiles))
            let pair = r.findings.count
            print("  offer: \(offer.count) bytes, \(r.offer.findings.count) finding(s); answer: \(answer.count) bytes, \(r.answer.findings.count) finding(s); pair: \(pair) finding(s)")
            for f in fs where verbose || f.severity != .info {
                let doc = SDPOfferAnswerSource(path: f.path)?.document ?? .offer
                let bytes = doc == .answer ? answer : offer
                print("  \(f.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(f.code)  \(doc.rawValue) \(ReportText.position(f, input: bytes))  \(f.path)  [\(f.specRef)]")
                print("          \(f.message)")
            }
        }
        return r.isValid ? 0 : 1
    }
}

/// Object identifiers used by the CMS module, as dotted strings (the model
/// carries OIDs as strings), with their names for reports.
public enum CMSOID {
    // MARK: content types (RFC 5652 §4, RFC 5083 §2.1)
    public static let data = "1.2.840.113549.1.7.1"
    public static let signedData = "1.2.840.113549.1.7.2"
    public static let envelopedData = "1.2.840.113549.1.7.3"
    public static let authEnvelopedData = "1.2.840.113549.1.9.16.1.23"
    public static let authData = "1.2.840.113549.1.9.16.1.2"

    // MARK: AES (RFC 3565 §4.1, RFC 5084 §3, RFC 5649 §6)
    static let aes = "2.16.840.1.101.3.4.1"
    public static let aes128CBC = aes + ".2"
    public static let aes192CBC = aes + ".22"
    public static let aes256CBC = aes + ".42"
    public static let aes128OFB = aes + ".3"
    public static let aes128CFB = aes + ".4"
    public static let aes128GCM = aes + ".6"
    public static let aes192GCM = aes + ".26"
    public static let aes256GCM = aes + ".46"
    public static let aes128CCM = aes + ".7"
    public static let aes192CCM = aes + ".27"
    public static let aes256CCM = aes + ".47"
    public static let aes128Wrap = aes + ".5"
    public static let aes192Wrap = aes + ".25"
    public static let aes256Wrap = aes + ".45"
    public static let aes128WrapPad = aes + ".8"
    public static let aes192WrapPad = aes + ".28"
    public static let aes256WrapPad = aes + ".48"

    // MARK: attributes (RFC 5652 §11)
    public static let contentTypeAttribute = "1.2.840.113549.1.9.3"
    public static let messageDigestAttribute = "1.2.840.113549.1.9.4"
    public static let signingTimeAttribute = "1.2.840.113549.1.9.5"

    // MARK: OtherRecipientInfo types
    /// The suite's default for TR 33.829 Annex B.3 `id-ori-mikey` `{ x y z }`,
    /// never assigned: a UUID-based OID (X.667), FACTS.md §1. Configurable
    /// through ``CMSCodePoints``.
    public static let oriMIKEYDefault = "2.25.122202331397208842535045181653453192267"
    /// RFC 9629 `id-ori-kem`, recognized by name only.
    public static let oriKEM = "1.2.840.113549.1.9.16.13.3"

    public static let names: [String: String] = [
        data: "id-data", signedData: "id-signedData", envelopedData: "id-envelopedData",
        authEnvelopedData: "id-ct-authEnvelopedData", authData: "id-ct-authData",
        aes128CBC: "id-aes128-CBC", aes192CBC: "id-aes192-CBC", aes256CBC: "id-aes256-CBC",
        aes128OFB: "id-aes128-OFB", aes128CFB: "id-aes128-CFB",
        aes128GCM: "id-aes128-GCM", aes192GCM: "id-aes192-GCM", aes256GCM: "id-aes256-GCM",
        aes128CCM: "id-aes128-CCM", aes192CCM: "id-aes192-CCM", aes256CCM: "id-aes256-CCM",
        aes128Wrap: "id-aes128-wrap", aes192Wrap: "id-aes192-wrap", aes256Wrap: "id-aes256-wrap",
        aes128WrapPad: "id-aes128-wrap-pad", aes192WrapPad: "id-aes192-wrap-pad", aes256WrapPad: "id-aes256-wrap-pad",
        contentTypeAttribute: "id-contentType", messageDigestAttribute: "id-messageDigest", signingTimeAttribute: "id-signingTime",
        oriKEM: "id-ori-kem",
    ]

    /// The content octets of every OID named here (and the default
    /// `id-ori-mikey`), for the decoder's fast path.
    static let encodings: [(content: [UInt8], dotted: String)] = (Array(names.keys) + [oriMIKEYDefault]).sorted().compactMap { o in
        (try? ASN1ObjectIdentifier.contentOctets(o)).map { ($0, o) }
    }

    /// The dotted form of `content` when it is the (minimal) encoding of a named OID.
    static func knownEncoding(_ content: ArraySlice<UInt8>) -> String? {
        guard content.count >= 3 else { return nil }
        for e in encodings where e.content.count == content.count && e.content.last == content.last && e.content.elementsEqual(content) {
            return e.dotted
        }
        return nil
    }

    /// ``encodings`` bucketed by (length, last octet): the decoder's lookup
    /// compares at most a few candidates, from one contiguous byte table.
    final class KnownTable: Sendable {
        /// Every encoding, back to back.
        let blob: [UInt8]
        /// Per entry: offset in ``blob``, length, dotted form.
        let offsets: [Int]
        let lengths: [Int]
        let dotted: [String]
        /// Entry indices grouped by bucket; bucket b holds `items[first[b]..<first[b + 1]]`.
        let first: [Int]
        let items: [Int]

        static func bucket(_ count: Int, _ last: UInt8) -> Int { (count &* 7 &+ Int(last)) & 63 }

        init(_ encodings: [(content: [UInt8], dotted: String)]) {
            var blob: [UInt8] = [], offsets: [Int] = [], lengths: [Int] = [], dotted: [String] = [], first: [Int] = [], items: [Int] = []
            var buckets = [[Int]](repeating: [], count: 64)
            for (i, e) in encodings.enumerated() {
                offsets.append(blob.count)
                lengths.append(e.content.count)
                dotted.append(e.dotted)
                blob += e.content
                if let last = e.content.last { buckets[Self.bucket(e.content.count, last)].append(i) }
            }
            for b in buckets {
                first.append(items.count)
                items += b
            }
            first.append(items.count)
            self.blob = blob
            self.offsets = offsets
            self.lengths = lengths
            self.dotted = dotted
            self.first = first
            self.items = items
        }
    }

    static let knownTable = KnownTable(encodings)

    /// `a[i..<i+n] == b[j..<j+n]`, eight octets at a time (both ranges in bounds).
    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt8>?, _ i: Int, _ b: UnsafePointer<UInt8>?, _ j: Int, _ n: Int) -> Bool {
        guard let a, let b else { return n == 0 }
        let x = UnsafeRawPointer(a + i), y = UnsafeRawPointer(b + j)
        var k = 0
        while n - k >= 8 {
            if x.loadUnaligned(fromByteOffset: k, as: UInt64.self) != y.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k += 8
        }
        while k < n {
            if x.load(fromByteOffset: k, as: UInt8.self) != y.load(fromByteOffset: k, as: UInt8.self) { return false }
            k += 1
        }
        return true
    }

    /// ``knownEncoding(_:)`` of `bytes[start..<end]`, without a slice.
    static func knownEncoding(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String? {
        let n = end - start
        guard n >= 3, start >= 0, end <= bytes.count else { return nil }
        let t = knownTable
        let b = KnownTable.bucket(n, bytes[end - 1])
        var found = -1
        t.blob.withUnsafeBufferPointer { blob in
            bytes.withUnsafeBufferPointer { input in
                for j in t.first[b]..<t.first[b + 1] {
                    let e = t.items[j]
                    guard t.lengths[e] == n else { continue }
                    let o = t.offsets[e]
                    if Self.same(blob.baseAddress, o, input.baseAddress, start, n) { found = e; return }
                }
            }
        }
        return found >= 0 ? t.dotted[found] : nil
    }

    /// The name of `oid`, with the code points' `id-ori-mikey` included.
    public static func name(of oid: String, codePoints: CMSCodePoints = .default) -> String? {
        if oid == codePoints.oriMIKEY { return "id-ori-mikey" }
        return names[oid]
    }
}

import MediasecCore

/// One SRTP-ID map entry (RFC 3830 §6.1.1): Policy_no(8) SSRC(32) ROC(32).
public struct SRTPMapEntry: Hashable, Sendable {
    public var policyNumber: UInt8
    public var ssrc: UInt32
    public var roc: UInt32

    public init(policyNumber: UInt8, ssrc: UInt32, roc: UInt32) {
        self.policyNumber = policyNumber
        self.ssrc = ssrc
        self.roc = roc
    }
}

/// One GENERIC-ID map entry (RFC 6043 §6.1.1; TR 33.829 Annex D.1 for the
/// TLS Prot Type, Annex E for PSK/MIME).
///
/// ```
/// !     CS ID     !   Prot type   !S!     #P      ! Ps (OPTIONAL) ~
/// !      Session Data Length      !    Session Data (OPTIONAL)    ~
/// !  SPI Length   !                SPI (OPTIONAL)                 ~
/// ```
public struct GenericIDMapEntry: Hashable, Sendable {
    public var csID: UInt8
    public var protType: ProtType
    public var sFlag: Bool
    /// Policy_no_1 … Policy_no_#P (#P ≤ 127).
    public var policies: [UInt8]
    public var sessionData: [UInt8]
    public var spi: [UInt8]

    public init(csID: UInt8, protType: ProtType, sFlag: Bool = false, policies: [UInt8] = [], sessionData: [UInt8] = [], spi: [UInt8] = []) {
        self.csID = csID
        self.protType = protType
        self.sFlag = sFlag
        self.policies = policies
        self.sessionData = sessionData
        self.spi = spi
    }

    /// SRTP Session Data (RFC 6043 §6.1.1): SSRC, and ROC + SEQ when S = 1.
    public var srtpSessionData: (ssrc: UInt32, roc: UInt32?, seq: UInt16?)? {
        let d = sessionData
        func u32(_ i: Int) -> UInt32 { UInt32(d[i]) << 24 | UInt32(d[i + 1]) << 16 | UInt32(d[i + 2]) << 8 | UInt32(d[i + 3]) }
        if !sFlag, d.count == 4 { return (u32(0), nil, nil) }
        if sFlag, d.count == 10 { return (u32(0), u32(4), UInt16(d[8]) << 8 | UInt16(d[9])) }
        return nil
    }
}

/// The CS ID map of the HDR: its type and info together. The `#CS` field is
/// derived from the entries for SRTP-ID and GENERIC-ID; the Empty map
/// (RFC 4563) carries no info, so its `#CS` is kept explicitly.
public enum CSIDMap: Hashable, Sendable {
    case srtp(SRTPMap)
    case empty(csCount: UInt8)
    case generic([GenericIDMapEntry])

    public var type: CSIDMapType {
        switch self {
        case .srtp: return .srtpID
        case .empty: return .empty
        case .generic: return .genericID
        }
    }

    public var csCount: Int {
        switch self {
        case .srtp(let e): return e.count
        case .empty(let n): return Int(n)
        case .generic(let e): return e.count
        }
    }
}

/// Common Header payload, HDR (RFC 3830 §6.1; RFC 6043 §6.1; RFC 4563).
///
/// ```
/// !  version      !  data type    ! next payload  !V! PRF func    !
/// !                         CSB ID                                !
/// ! #CS           ! CS ID map type! CS ID map info                ~
/// ```
/// The SRTP-ID map info is #CS × 9 bytes even though §6.1 calls the field
/// "16 bits" (ambiguity 1, FACTS.md §10); the Empty map's info is 0 bytes
/// (ambiguity 5).
public struct CommonHeader: Hashable, Sendable {
    public var version: UInt8
    public var dataType: DataType
    public var verifyFlag: Bool
    public var prfFunction: PRFFunction
    public var csbID: UInt32
    public var csIDMap: CSIDMap

    public init(version: UInt8 = 1, dataType: DataType, verifyFlag: Bool = false, prfFunction: PRFFunction = .mikey1, csbID: UInt32, csIDMap: CSIDMap) {
        self.version = version
        self.dataType = dataType
        self.verifyFlag = verifyFlag
        self.prfFunction = prfFunction
        self.csbID = csbID
        self.csIDMap = csIDMap
    }

    static let specRef = "RFC 3830 §6.1"

    /// Decodes the HDR; returns it and the first payload's type.
    static func decode(_ c: inout ByteCursor) throws(DecodingError) -> (CommonHeader, PayloadType) {
        func fail(_ code: String, _ msg: String, _ field: String, _ at: Int, _ ref: String = specRef) -> DecodingError {
            DecodingError(code: code, offset: at, path: "hdr.\(field)", specRef: ref, message: msg)
        }
        // Fast path: the fixed 10 bytes are present, read them with one
        // bounds check; otherwise field by field for a precise error.
        let version: UInt8, dt: DataType, next: PayloadType, vp: UInt8, csb: UInt32, ncs: Int, mt: CSIDMapType
        let mapAt: Int
        if c.readableBytes >= 10 {
            let b = c.bytes, p = c.position
            version = b[p]
            if version != 1 {
                throw fail("mikey.hdr.version", "version \(version) is not 1 (only MIKEY version 0x01 is defined)", "version", 0)
            }
            dt = DataType(rawValue: b[p + 1])
            next = PayloadType(rawValue: b[p + 2])
            vp = b[p + 3]
            csb = UInt32(b[p + 4]) << 24 | UInt32(b[p + 5]) << 16 | UInt32(b[p + 6]) << 8 | UInt32(b[p + 7])
            ncs = Int(b[p + 8])
            mt = CSIDMapType(rawValue: b[p + 9])
            mapAt = p + 9
            c.advance(uncheckedBy: 10)  // checked above
        } else {
            version = try c.mikeyU8("hdr.version")
            if version != 1 {
                throw fail("mikey.hdr.version", "version \(version) is not 1 (only MIKEY version 0x01 is defined)", "version", 0)
            }
            dt = DataType(rawValue: try c.mikeyU8("hdr.dataType"))
            next = PayloadType(rawValue: try c.mikeyU8("hdr.nextPayload"))
            vp = try c.mikeyU8("hdr.v+prfFunc")
            csb = try c.mikeyU32("hdr.csbId")
            ncs = Int(try c.mikeyU8("hdr.#cs"))
            mapAt = c.position
            mt = CSIDMapType(rawValue: try c.mikeyU8("hdr.csIdMapType"))
        }
        let map: CSIDMap
        switch mt.rawValue {
        case 0:
            // The entries stay in wire form, sharing the input's storage.
            if c.readableBytes >= ncs * 9 {
                // ncs ≤ 255; present (checked just above): inline for one
                // entry, a slice of the input for more.
                map = .srtp(SRTPMap(wire: try SmallBytes.read(&c, count: ncs * 9, "hdr.csIdMapInfo")))
            } else {
                // Truncated: field by field for a precise error.
                for i in 0..<ncs {
                    _ = try c.mikeyU8("hdr.csIdMapInfo[\(i)].policyNo")
                    _ = try c.mikeyU32("hdr.csIdMapInfo[\(i)].ssrc")
                    _ = try c.mikeyU32("hdr.csIdMapInfo[\(i)].roc")
                }
                map = .srtp([])  // not reached: the loop above throws
            }
        case 1:
            map = .empty(csCount: UInt8(truncatingIfNeeded: ncs))
        case 2:
            var e: [GenericIDMapEntry] = []
            e.reserveCapacity(min(ncs, c.readableBytes / 6))
            for i in 0..<ncs {
                let f = "hdr.csIdMapInfo[\(i)]"
                let id = try c.mikeyU8("\(f).csId")
                let pt = ProtType(rawValue: try c.mikeyU8("\(f).protType"))
                let sp = try c.mikeyU8("\(f).s+#p")
                let ps = try c.mikeyBytes(Int(sp & 0x7f), "\(f).ps")
                let sdl = Int(try c.mikeyU16("\(f).sessionDataLen"))
                let sd = try c.mikeyBytes(sdl, "\(f).sessionData")
                let spil = Int(try c.mikeyU8("\(f).spiLen"))
                let spi = try c.mikeyBytes(spil, "\(f).spi")
                e.append(GenericIDMapEntry(csID: id, protType: pt, sFlag: sp & 0x80 != 0, policies: ps, sessionData: sd, spi: spi))
            }
            map = .generic(e)
        default:
            throw fail("mikey.hdr.map-type-unknown", "CS ID map type \(mt) has no known layout; the header cannot be delimited", "csIdMapType", mapAt)
        }
        let h = CommonHeader(version: version, dataType: dt, verifyFlag: vp & 0x80 != 0, prfFunction: PRFFunction(rawValue: vp & 0x7f), csbID: csb, csIDMap: map)
        return (h, next)
    }

    func encode(_ w: inout ByteWriter, next: PayloadType) throws(EncodingError) {
        guard prfFunction.rawValue <= 0x7f else {
            throw EncodingError(code: "mikey.encode.field-range", path: "hdr.prfFunc", message: "PRF func must fit 7 bits")
        }
        w.writeUInt8(version)
        w.writeUInt8(dataType.rawValue)
        w.writeUInt8(next.rawValue)
        w.writeUInt8((verifyFlag ? 0x80 : 0) | prfFunction.rawValue)
        w.writeUInt32(csbID)
        try w.writeLength(csIDMap.csCount, bits: 8, path: "hdr.#cs")
        w.writeUInt8(csIDMap.type.rawValue)
        switch csIDMap {
        case .srtp(let entries):
            entries.wire.write(to: &w)
        case .empty:
            break
        case .generic(let entries):
            for (i, e) in entries.enumerated() {
                let f = "hdr.csIdMapInfo[\(i)]"
                _ = try ByteWriter.checkedLength(e.policies.count, bits: 7, path: "\(f).#p")
                w.writeUInt8(e.csID)
                w.writeUInt8(e.protType.rawValue)
                w.writeUInt8((e.sFlag ? 0x80 : 0) | UInt8(truncatingIfNeeded: e.policies.count))
                w.writeBytes(e.policies)
                try w.writeLength(e.sessionData.count, bits: 16, path: "\(f).sessionDataLen")
                w.writeBytes(e.sessionData)
                try w.writeLength(e.spi.count, bits: 8, path: "\(f).spiLen")
                w.writeBytes(e.spi)
            }
        }
    }
}

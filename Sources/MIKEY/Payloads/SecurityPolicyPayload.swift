import MediasecCore

/// One Type/Length/Value policy parameter (RFC 3830 §6.10).
public struct PolicyParameter: Hashable, Sendable {
    public var type: UInt8
    var valueStorage: SmallBytes

    public var value: [UInt8] {
        get { valueStorage.array }
        set { valueStorage = SmallBytes(newValue) }
    }

    public init(type: UInt8, value: [UInt8]) {
        self.type = type
        self.valueStorage = SmallBytes(value)
    }

    init(type: UInt8, valueStorage: SmallBytes) {
        self.type = type
        self.valueStorage = valueStorage
    }
}

/// Security Policy payload, SP (RFC 3830 §6.10; SRTP table §6.10.1).
///
/// ```
/// ! Next payload  ! Policy no     ! Prot type     ! Policy param  ~
/// ~ length (cont) ! Policy param                                  ~
/// ```
/// Policy param is a sequence of `Type(8) Length(8) Value` entries that must
/// exactly fill the Policy param length.
public struct SecurityPolicyPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.securityPolicy
    static let specRef = "RFC 3830 §6.10"
    static let pathName = "sp"

    public var policyNumber: UInt8
    public var protType: ProtType
    public var parameters: [PolicyParameter]

    public init(policyNumber: UInt8, protType: ProtType, parameters: [PolicyParameter]) {
        self.policyNumber = policyNumber
        self.protType = protType
        self.parameters = parameters
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> SecurityPolicyPayload {
        let no = try c.mikeyU8("policyNo")
        let p = ProtType(rawValue: try c.mikeyU8("protType"))
        let n = Int(try c.mikeyU16("policyParamLength"))
        var sub = try c.readSlice(n, "policyParam", code: "mikey.truncated")
        var params: [PolicyParameter] = []
        // A fixed small capacity (never one derived from a length field):
        // an SRTP policy has up to 13 parameters (RFC 3830 §6.10.1).
        if !sub.isAtEnd { params.reserveCapacity(16) }
        while !sub.isAtEnd {
            let t = try sub.mikeyU8("policyParam[\(params.count)].type")
            let at = sub.position
            guard let l = sub.peekUInt8() else {
                throw fail(sub, "mikey.sp.param-overrun", "parameter \(params.count) has no Length byte inside Policy param length", field: "policyParam[\(params.count)].length")
            }
            guard Int(l) + 1 <= sub.readableBytes else {
                throw fail(sub, "mikey.sp.param-overrun", "parameter \(params.count) length \(l) overruns Policy param length", field: "policyParam[\(params.count)].length", at: at)
            }
            _ = try sub.mikeyU8("length")
            params.append(PolicyParameter(type: t, valueStorage: try SmallBytes.read(&sub, count: Int(l), "policyParam[\(params.count)].value")))
        }
        return SecurityPolicyPayload(policyNumber: no, protType: p, parameters: params)
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(policyNumber)
        w.writeUInt8(protType.rawValue)
        var total = 0
        for (i, p) in parameters.enumerated() {
            _ = try ByteWriter.checkedLength(p.valueStorage.count, bits: 8, path: "sp.policyParam[\(i)].length")
            total += 2 + p.valueStorage.count
        }
        try w.writeLength(total, bits: 16, path: "sp.policyParamLength")
        for p in parameters {
            w.writeUInt8(p.type)
            w.writeUInt8(UInt8(truncatingIfNeeded: p.valueStorage.count))
            p.valueStorage.write(to: &w)
        }
    }
}

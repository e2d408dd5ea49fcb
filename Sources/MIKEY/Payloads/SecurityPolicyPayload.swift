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
    var parameterStorage: ParameterStorage

    /// The Policy param field. Decoded payloads keep it in wire form (the
    /// TLV entries exactly as received, checked once by the decoder); a list
    /// is materialized only when ``parameters`` is read. The form is
    /// canonical — wire exactly when every value fits the 8-bit Length — so
    /// the synthesized equality is that of the parameter lists.
    enum ParameterStorage: Hashable, Sendable {
        case wire(SmallBytes)
        /// Some value is longer than 255 bytes: not encodable, kept as given.
        case list([PolicyParameter])

        init(_ params: [PolicyParameter]) {
            var w: [UInt8] = []
            for p in params {
                guard p.valueStorage.count <= 255 else { self = .list(params); return }
                w.append(p.type)
                w.append(UInt8(truncatingIfNeeded: p.valueStorage.count))
                w.append(contentsOf: p.value)
            }
            self = .wire(SmallBytes(w))
        }
    }

    public var parameters: [PolicyParameter] {
        get {
            if case .list(let l) = parameterStorage { return l }
            var out: [PolicyParameter] = []
            forEachParameter { _, type, value in out.append(PolicyParameter(type: type, value: Array(value))) }
            return out
        }
        set { parameterStorage = ParameterStorage(newValue) }
    }

    /// Calls `body(index, type, value)` for each parameter in order, over
    /// the wire form (well formed: the decoder or `ParameterStorage.init`
    /// wrote it) without building the list.
    func forEachParameter(_ body: (Int, UInt8, UnsafeRawBufferPointer) -> Void) {
        switch parameterStorage {
        case .list(let l):
            for (i, p) in l.enumerated() { p.valueStorage.withBytes { body(i, p.type, $0) } }
        case .wire(let w):
            w.withBytes { b in
                var i = 0, index = 0
                while i + 1 < b.count {
                    let end = min(b.count, i + 2 + Int(b[i + 1]))
                    body(index, b[i], UnsafeRawBufferPointer(rebasing: b[(i + 2)..<end]))
                    i = end
                    index += 1
                }
            }
        }
    }

    public init(policyNumber: UInt8, protType: ProtType, parameters: [PolicyParameter]) {
        self.policyNumber = policyNumber
        self.protType = protType
        self.parameterStorage = ParameterStorage(parameters)
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> SecurityPolicyPayload {
        let no = try c.mikeyU8("policyNo")
        let p = ProtType(rawValue: try c.mikeyU8("protType"))
        let n = Int(try c.mikeyU16("policyParamLength"))
        let base = c.position
        // Truncation first (the same error as reading the field), then the
        // Type/Length/Value framing checked in place over the input; the
        // entries stay in wire form (no per-parameter allocation).
        let wire = try SmallBytes.read(&c, count: n, "policyParam")
        var i = 0, index = 0
        while i < n {
            let lengthAt = base + i + 1
            guard i + 1 < n else {
                throw fail(c, "mikey.sp.param-overrun", "parameter \(index) has no Length byte inside Policy param length", field: "policyParam[\(index)].length", at: lengthAt)
            }
            let l = Int(c.bytes[lengthAt])
            guard l + 1 <= n - (i + 1) else {
                throw fail(c, "mikey.sp.param-overrun", "parameter \(index) length \(l) overruns Policy param length", field: "policyParam[\(index)].length", at: lengthAt)
            }
            i += 2 + l
            index += 1
        }
        return SecurityPolicyPayload(policyNumber: no, protType: p, parameterStorage: .wire(wire))
    }

    init(policyNumber: UInt8, protType: ProtType, parameterStorage: ParameterStorage) {
        self.policyNumber = policyNumber
        self.protType = protType
        self.parameterStorage = parameterStorage
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(policyNumber)
        w.writeUInt8(protType.rawValue)
        switch parameterStorage {
        case .wire(let wire):
            try w.writeLength(wire.count, bits: 16, path: "sp.policyParamLength")
            wire.write(to: &w)
        case .list(let parameters):
            for (i, p) in parameters.enumerated() {
                _ = try ByteWriter.checkedLength(p.valueStorage.count, bits: 8, path: "sp.policyParam[\(i)].length")
            }
            // Not reached: the list form exists only for a value over 255 bytes.
            throw EncodingError(code: "mikey.encode.length-overflow", path: "sp.policyParam", message: "a policy parameter value is longer than 255 bytes")
        }
    }
}

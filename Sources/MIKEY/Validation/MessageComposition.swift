import MediasecCore

/// The payload composition of each message type, transcribed from the
/// exchange definitions: RFC 3830 §3.1–3.3 and §5.1.2, RFC 4650 §3,
/// RFC 4738 §3, RFC 6043 §4.1–4.3 and §5.4, RFC 6509 §2.1.
///
/// `slots` give the recommended order (a payload type may sit in several
/// slots, e.g. IDR before and after TP); `counts` the mandatory minimum and
/// the maximum of each type; `last` the payload whose MAC or signature
/// covers the rest and which must therefore end the message. General
/// Extension payloads may appear anywhere (RFC 3830 §6.15).
struct MessageComposition {
    let specRef: String
    let slots: [[PayloadType]]
    let counts: [PayloadType: ClosedRange<Int>]
    let last: Set<PayloadType>
    /// `counts` sorted by code point, computed once.
    let sortedCounts: [(PayloadType, ClosedRange<Int>)]
    /// `last` as a list (membership by comparison, no hashing per message).
    let lastList: [PayloadType]

    init(specRef: String, slots: [[PayloadType]], counts: [PayloadType: ClosedRange<Int>], last: Set<PayloadType>) {
        self.specRef = specRef
        self.slots = slots
        self.counts = counts
        self.last = last
        self.sortedCounts = counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }).map { ($0.key, $0.value) }
        self.lastList = last.sorted { $0.rawValue < $1.rawValue }
    }

    static let many = Int.max

    /// The compositions of data types 0…26, built once (the validator looks
    /// one up per message).
    static let table: [MessageComposition?] = (0...26).map { build(DataType(rawValue: UInt8($0))) }

    static func forDataType(_ t: DataType) -> MessageComposition? {
        Int(t.rawValue) < table.count ? table[Int(t.rawValue)] : nil
    }

    private static func build(_ t: DataType) -> MessageComposition? {
        let T = PayloadType.timestamp, RAND = PayloadType.rand, ID = PayloadType.id, CERT = PayloadType.cert
        let SP = PayloadType.securityPolicy, KEMAC = PayloadType.kemac, CHASH = PayloadType.chash, PKE = PayloadType.pke
        let SIGN = PayloadType.sign, V = PayloadType.verification, DH = PayloadType.dh, ERR = PayloadType.error
        let RANDR = PayloadType.randRole, IDR = PayloadType.idRole, TP = PayloadType.ticketPolicy, TICKET = PayloadType.ticket
        let SAKKE = PayloadType.sakke
        switch t.rawValue {
        case 0: return .init(specRef: "RFC 3830 §3.1", slots: [[T], [RAND], [ID], [SP], [KEMAC]],
                             counts: [T: 1...1, RAND: 1...1, ID: 0...2, SP: 0...many, KEMAC: 1...1], last: [KEMAC])
        case 1: return .init(specRef: "RFC 3830 §3.1", slots: [[T], [ID], [V]], counts: [T: 1...1, ID: 0...2, V: 1...1], last: [V])
        case 2: return .init(specRef: "RFC 3830 §3.2", slots: [[T], [RAND], [ID, CERT], [SP], [KEMAC], [CHASH], [PKE], [SIGN]],
                             counts: [T: 1...1, RAND: 1...1, ID: 0...2, CERT: 0...many, SP: 0...many, KEMAC: 1...1, CHASH: 0...1, PKE: 1...1, SIGN: 1...1], last: [SIGN])
        case 3: return .init(specRef: "RFC 3830 §3.2", slots: [[T], [ID], [V]], counts: [T: 1...1, ID: 0...2, V: 1...1], last: [V])
        case 4: return .init(specRef: "RFC 3830 §3.3", slots: [[T], [RAND], [ID, CERT], [SP], [DH], [SIGN]],
                             counts: [T: 1...1, RAND: 1...1, ID: 0...2, CERT: 0...many, SP: 0...many, DH: 1...1, SIGN: 1...1], last: [SIGN])
        case 5: return .init(specRef: "RFC 3830 §3.3", slots: [[T], [ID, CERT], [DH], [SIGN]],
                             counts: [T: 1...1, ID: 1...2, CERT: 0...many, DH: 2...2, SIGN: 1...1], last: [SIGN])
        // RFC 3830 §5.1.2 writes {ERR} (zero or more); RFC 6043 §5.4 writes
        // (ERR) (one or more) for its exchanges. Data type 6 is shared, so the
        // composition follows RFC 3830 and the vectors flag the conflict.
        case 6: return .init(specRef: "RFC 3830 §5.1.2", slots: [[T], [ERR], [SP], [V, SIGN]],
                             counts: [T: 1...1, ERR: 0...many, SP: 0...many, V: 0...1, SIGN: 0...1], last: [V, SIGN])
        case 7: return .init(specRef: "RFC 4650 §3", slots: [[T], [RAND], [ID], [SP], [DH], [KEMAC]],
                             counts: [T: 1...1, RAND: 1...1, ID: 1...2, SP: 0...many, DH: 1...1, KEMAC: 1...1], last: [KEMAC])
        case 8: return .init(specRef: "RFC 4650 §3", slots: [[T], [ID], [DH], [KEMAC]],
                             counts: [T: 1...1, ID: 1...2, DH: 2...2, KEMAC: 1...1], last: [KEMAC])
        case 9: return .init(specRef: "RFC 4738 §3", slots: [[T], [RAND], [ID, CERT], [SP], [SIGN]],
                             counts: [T: 1...1, RAND: 0...1, ID: 0...2, CERT: 0...many, SP: 0...many, SIGN: 1...1], last: [SIGN])
        case 10: return .init(specRef: "RFC 4738 §3", slots: [[T], [RAND], [ID, CERT], [SP], [KEMAC], [PKE], [SIGN]],
                              counts: [T: 1...1, RAND: 0...1, ID: 0...2, CERT: 0...many, SP: 0...many, KEMAC: 1...1, PKE: 1...1, SIGN: 1...1], last: [SIGN])
        case 11: return .init(specRef: "RFC 6043 §4.1", slots: [[T], [RANDR], [IDR], [TP], [IDR], [V]],
                              counts: [T: 1...1, RANDR: 1...1, IDR: 0...3, TP: 1...1, V: 1...1], last: [V])
        case 12: return .init(specRef: "RFC 6043 §4.1", slots: [[T], [RANDR], [IDR], [CERT], [IDR], [TP], [CHASH], [PKE], [SIGN]],
                              counts: [T: 1...1, RANDR: 1...1, IDR: 0...2, CERT: 0...many, TP: 1...1, CHASH: 0...1, PKE: 1...1, SIGN: 1...1], last: [SIGN])
        case 13: return .init(specRef: "RFC 6043 §4.1", slots: [[T], [IDR], [TICKET], [KEMAC], [V]],
                              counts: [T: 1...1, IDR: 0...1, TICKET: 1...1, KEMAC: 1...1, V: 1...1], last: [V])
        case 14: return .init(specRef: "RFC 6043 §4.2", slots: [[T], [RANDR], [IDR], [SP], [TICKET], [KEMAC], [V]],
                              counts: [T: 1...1, RANDR: 1...1, IDR: 0...2, SP: 0...many, TICKET: 1...1, KEMAC: 0...1, V: 1...1], last: [V])
        case 15: return .init(specRef: "RFC 6043 §4.2", slots: [[T], [RANDR], [IDR], [RANDR], [SP], [KEMAC], [V]],
                              counts: [T: 1...1, RANDR: 0...2, IDR: 0...1, SP: 0...many, KEMAC: 0...1, V: 1...1], last: [V])
        case 16: return .init(specRef: "RFC 6043 §4.3", slots: [[T], [RANDR], [IDR], [TICKET], [IDR], [V]],
                              counts: [T: 1...1, RANDR: 1...1, IDR: 0...3, TICKET: 1...1, V: 1...1], last: [V])
        case 17: return .init(specRef: "RFC 6043 §4.3", slots: [[T], [RANDR], [IDR], [CERT], [IDR], [TICKET], [CHASH], [PKE], [SIGN]],
                              counts: [T: 1...1, RANDR: 1...1, IDR: 0...2, CERT: 0...many, TICKET: 1...1, CHASH: 0...1, PKE: 1...1, SIGN: 1...1], last: [SIGN])
        case 18: return .init(specRef: "RFC 6043 §4.3", slots: [[T], [IDR], [KEMAC], [IDR], [RANDR], [V]],
                              counts: [T: 1...1, IDR: 0...2, KEMAC: 1...1, RANDR: 0...1, V: 1...1], last: [V])
        case 26: return .init(specRef: "RFC 6509 §2.1", slots: [[T], [RAND], [IDR], [CERT], [SP], [SAKKE], [SIGN]],
                              counts: [T: 1...1, RAND: 1...1, IDR: 0...4, CERT: 0...1, SP: 0...many, SAKKE: 1...1, SIGN: 1...1], last: [SIGN])
        default: return nil
        }
    }
}

extension ValidationRun {
    /// Mandatory payloads, counts, order and the last payload per data type.
    func checkComposition() {
        if m.payloads.isEmpty {
            add(MIKEYRules.emptyMessage, at: 2, "hdr.nextPayload")
            return
        }
        guard let comp = MessageComposition.forDataType(dataType) else { return }
        // Counts per allowed type, parallel to comp.sortedCounts (at most
        // nine entries: linear scans, counters on the stack, no dictionary
        // or array per message).
        let allowed = comp.sortedCounts
        withUnsafeTemporaryAllocation(of: Int.self, capacity: allowed.count) { counts in
            counts.initialize(repeating: 0)
            checkComposition(comp, allowed, counts)
        }
    }

    private func checkComposition(_ comp: MessageComposition, _ allowed: [(PayloadType, ClosedRange<Int>)], _ counts: UnsafeMutableBufferPointer<Int>) {
        func slotOf(_ t: PayloadType) -> Int? {
            for k in allowed.indices where allowed[k].0 == t { return k }
            return nil
        }
        let payloads = m.payloads
        var slot = 0
        var orderReported = false
        for i in payloads.indices {
            let t = payloads[i].type
            if t == .generalExtension { continue }
            guard let k = slotOf(t) else {
                add(MIKEYRules.unexpectedPayload, at: offset(i), path(i), "\(t.name ?? "payload \(t.rawValue)") is not part of \(dataType.name ?? "this message") (\(comp.specRef))")
                continue
            }
            counts[k] += 1
            if let s = comp.slots[slot...].firstIndex(where: { $0.contains(t) }) {
                slot = s
            } else if !orderReported {
                orderReported = true
                add(MIKEYRules.payloadOrder, at: offset(i), path(i), "\(t.name ?? "?") appears after payloads that \(comp.specRef) puts behind it")
            }
        }
        for k in allowed.indices {
            let (t, range) = allowed[k]
            let n = counts[k]
            if n < range.lowerBound {
                add(MIKEYRules.missingPayload, at: nil, "payloads", "\(dataType.name ?? "message") requires \(range.lowerBound) \(t.name ?? "?") payload(s), found \(n) (\(comp.specRef))")
            } else if n > range.upperBound {
                add(MIKEYRules.tooManyPayloads, at: nil, "payloads", "\(dataType.name ?? "message") allows at most \(range.upperBound) \(t.name ?? "?") payload(s), found \(n) (\(comp.specRef))")
            }
        }
        func count(_ t: PayloadType) -> Int { slotOf(t).map { counts[$0] } ?? 0 }
        if let lastIndex = payloads.lastIndex(where: { $0.type != .generalExtension }) {
            let lastType = payloads[lastIndex].type
            // `needed`: the MAC/signature types of `last` that the message has.
            var anyNeeded = false, lastNeeded = false
            for t in comp.lastList where count(t) > 0 {
                anyNeeded = true
                if t == lastType { lastNeeded = true }
            }
            if anyNeeded && !lastNeeded {
                let needed = comp.lastList.filter { count($0) > 0 }
                add(MIKEYRules.lastPayload, at: offset(lastIndex), path(lastIndex),
                    "\(needed.compactMap(\.name).sorted().joined(separator: "/")) must be the last payload; found \(lastType.name ?? "?") last")
            } else if lastNeeded && lastIndex != payloads.count - 1 {
                add(MIKEYRules.lastPayload, at: offset(lastIndex + 1), path(lastIndex + 1), "a General Extension follows the MAC/signature payload")
            }
        }
    }
}

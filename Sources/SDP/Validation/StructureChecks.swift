import MediasecCore

/// RFC 8866 line endings, order, mandatory and single lines, and the
/// typed `v=`/`o=`/`s=`/`c=`/`b=`/`t=`/`r=`/`z=`/`k=`/`m=` fields.
extension SDPValidationRun {
    // MARK: line endings (RFC 8866 §5)

    mutating func checkLines() {
        let lines = sd.lines
        var lf = 0, crlf = 0
        var firstLF: Int? = nil
        for (i, l) in lines.enumerated() {
            switch l.ending {
            case .lf:
                lf += 1
                if firstLF == nil { firstLF = i }
            case .crlf: crlf += 1
            case .none: break
            }
        }
        if let i = firstLF {
            add(SDPRules.bareLF, at: lineOffset(i) + lines[i].length, "lines[\(i)]", "\(lf) line(s) end with a bare LF, the first here")
        }
        if lf > 0 && crlf > 0 {
            add(SDPRules.mixedEndings, at: lineOffset(0), "lines", "\(crlf) CRLF and \(lf) bare LF line endings")
        }
        if let last = lines.last, last.ending == .none {
            add(SDPRules.noFinalEOL, at: lineOffset(lines.count - 1) + last.length, "lines[\(lines.count - 1)]")
        }
    }

    // MARK: order and mandatory lines (RFC 8866 §5, §9)

    static func sessionRank(_ t: UInt8) -> Int? {
        switch t {
        case 0x76: return 0   // v
        case 0x6f: return 1   // o
        case 0x73: return 2   // s
        case 0x69: return 3   // i
        case 0x75: return 4   // u
        case 0x65: return 5   // e
        case 0x70: return 6   // p
        case 0x63: return 7   // c
        case 0x62: return 8   // b
        case 0x74: return 9   // t
        case 0x72: return 10  // r
        case 0x7a: return 11  // z
        case 0x6b: return 12  // k
        case 0x61: return 13  // a
        default: return nil
        }
    }

    static func mediaRank(_ t: UInt8) -> Int? {
        switch t {
        case 0x6d: return 0   // m
        case 0x69: return 1   // i
        case 0x63: return 2   // c
        case 0x62: return 3   // b
        case 0x6b: return 4   // k
        case 0x61: return 5   // a
        default: return nil
        }
    }

    /// Session-level line types that may appear once: v o s i u c k.
    static func sessionOnce(_ t: UInt8) -> Bool {
        switch t {
        case 0x76, 0x6f, 0x73, 0x69, 0x75, 0x63, 0x6b: return true
        default: return false
        }
    }

    /// The first line index of the line types `v o s i u c k` (the ones
    /// a duplicate finding names) in one section, inline (no allocation),
    /// and which types `a`..`z` the section has had so far (a bit each).
    struct FirstLines {
        private var seen: UInt32 = 0
        private var firsts: (Int, Int, Int, Int, Int, Int, Int) = (-1, -1, -1, -1, -1, -1, -1)

        private static func slot(_ t: UInt8) -> Int? {
            switch t {
            case 0x76: return 0
            case 0x6f: return 1
            case 0x73: return 2
            case 0x69: return 3
            case 0x75: return 4
            case 0x63: return 5
            case 0x6b: return 6
            default: return nil
            }
        }

        func has(_ t: UInt8) -> Bool {
            guard t >= 0x61, t <= 0x7a else { return false }
            return seen & (UInt32(1) << UInt32(t - 0x61)) != 0
        }

        /// The first line of a type `v o s i u c k`, nil before one.
        subscript(t: UInt8) -> Int? {
            guard has(t), let k = Self.slot(t) else { return nil }
            let i: Int
            switch k {
            case 0: i = firsts.0
            case 1: i = firsts.1
            case 2: i = firsts.2
            case 3: i = firsts.3
            case 4: i = firsts.4
            case 5: i = firsts.5
            default: i = firsts.6
            }
            return i < 0 ? nil : i
        }

        @inline(__always)
        mutating func note(_ t: UInt8, _ line: Int) {
            guard t >= 0x61, t <= 0x7a, !has(t) else { return }
            seen |= UInt32(1) << UInt32(t - 0x61)
            switch Self.slot(t) {
            case 0?: firsts.0 = line
            case 1?: firsts.1 = line
            case 2?: firsts.2 = line
            case 3?: firsts.3 = line
            case 4?: firsts.4 = line
            case 5?: firsts.5 = line
            case 6?: firsts.6 = line
            default: break
            }
        }
    }

    static func letter(_ t: UInt8) -> String { String(Character(Unicode.Scalar(t))) + "=" }

    mutating func checkStructure() {
        let lines = sd.lines
        guard !lines.isEmpty else { return }
        if lines[0].type != 0x76 {
            add(SDPRules.versionFirst, at: lineOffset(0), "lines[0]", "the first line is \(Self.letter(lines[0].type)), not v=")
        }
        // Session section.
        let s = index.sections.session
        var rank = -1
        var prevType: UInt8 = 0
        // First line of each type letter (a..z) in the session section.
        var seen = FirstLines()
        var zoneInTime = false
        var timeCount = 0
        for i in s {
            let t = lines[i].type
            func path() -> String { "lines[\(i)]" }
            guard let r = Self.sessionRank(t) else { continue }   // m cannot occur here
            switch t {
            case 0x74: // t: starts a time description after anything up to z
                if rank > 11 {
                    add(SDPRules.order, at: lineOffset(i), path(), "t= after \(Self.letter(prevType)): time descriptions come before k= and a=")
                } else {
                    rank = 9   // a new time description: r= and z= may follow again
                }
                timeCount += 1
                zoneInTime = false
            case 0x72: // r: only right after t= or r=
                if !(rank == 9 || rank == 10) || zoneInTime {
                    add(SDPRules.order, at: lineOffset(i), path(), "r= after \(Self.letter(prevType)): repeat times follow their t= line")
                }
                rank = max(rank, 10)
            case 0x7a: // z: after t= or r=, once per time description
                if zoneInTime {
                    add(SDPRules.duplicateLine, at: lineOffset(i), path(), "a second z= in one time description")
                } else if !(rank == 9 || rank == 10) {
                    add(SDPRules.order, at: lineOffset(i), path(), "z= after \(Self.letter(prevType)): a zone adjustment follows the t= / r= lines of its time description")
                } else if prevType != 0x72 {
                    add(SDPRules.zoneWithoutRepeat, at: lineOffset(i), path())
                }
                zoneInTime = true
                rank = max(rank, 11)
            default:
                if r < rank {
                    add(SDPRules.order, at: lineOffset(i), path(), "\(Self.letter(t)) after \(Self.letter(prevType)): the order is v o s i u e p c b t r z k a")
                } else if Self.sessionOnce(t), let first = seen[t] {
                    add(SDPRules.duplicateLine, at: lineOffset(i), path(), "a second \(Self.letter(t)) line at session level (the first is line \(first + 1))")
                }
                rank = max(rank, r)
            }
            seen.note(t, i)
            prevType = t
        }
        let sessionEnd = s.upperBound < lines.count ? lineOffset(s.upperBound) : (d.bytes.count)
        if !seen.has(0x6f) { add(SDPRules.originMissing, at: sessionEnd, "session.origin", "no o= line in the session section") }
        if !seen.has(0x73) { add(SDPRules.sessionNameMissing, at: sessionEnd, "session.sessionName", "no s= line in the session section") }
        if timeCount == 0 { add(SDPRules.timeMissing, at: sessionEnd, "session.times", "no t= line in the session section") }

        // Media sections.
        for (mi, r) in index.sections.media.enumerated() {
            var rank = 0
            var prev: UInt8 = 0x6d
            var seenM = FirstLines()
            for i in r.dropFirst() {
                let t = lines[i].type
                func path() -> String { "lines[\(i)]" }
                guard let rr = Self.mediaRank(t) else {
                    add(SDPRules.order, at: lineOffset(i), path(), "\(Self.letter(t)) is not allowed in a media section (media[\(mi)]): session-level lines come before the first m=")
                    continue
                }
                if rr < rank {
                    add(SDPRules.order, at: lineOffset(i), path(), "\(Self.letter(t)) after \(Self.letter(prev)) in media[\(mi)]: the order is m i c b k a")
                } else if (t == 0x69 || t == 0x6b), let first = seenM[t] {
                    add(SDPRules.duplicateLine, at: lineOffset(i), path(), "a second \(Self.letter(t)) line in media[\(mi)] (the first is line \(first + 1))")
                }
                rank = max(rank, rr)
                seenM.note(t, i)
                prev = t
            }
        }
    }

    // MARK: typed fields

    /// Field checks read the line bytes through the field scanners (the
    /// grammar of each decoder, without its strings); text is built only
    /// for a finding.
    mutating func checkFields() {
        let lines = sd.lines
        let offsets = d.lineOffsets
        let hasCharset = index.has(.charset, .session)
        var sessionConnection = false
        var mediaIndex = -1
        for i in lines.indices {
            let type = lines[i].type
            if type == 0x6d { mediaIndex += 1; continue }
            let level: SDPLevel = mediaIndex < 0 ? .session : .media(mediaIndex)
            let base = i < offsets.count ? offsets[i] + 2 : 0
            switch type {
            case 0x76:
                let b = lines[i].bytes
                if b.count != 1 || b.first != 0x30 {
                    add(SDPRules.version, at: base, "session.version", "v=\(SDPGrammar.string(b)): this memo defines version 0")
                }
            case 0x6f:
                if mediaIndex < 0 {
                    do { _ = try OriginField.scan(lines[i].bytes, base: base, path: "session.origin") } catch { sink.add(error) }
                }
            case 0x73, 0x69:
                let b = lines[i].bytes
                func path() -> String { type == 0x73 ? "session.sessionName" : "\(level.path).information" }
                if type == 0x73 && b.isEmpty { add(SDPRules.sessionNameEmpty, at: base, path()) }
                if !hasCharset && !b.allSatisfy({ $0 < 0x80 }) && String(validating: b, as: UTF8.self) == nil {
                    add(SDPRules.textNotUTF8, at: base, path())
                }
            case 0x63:
                if mediaIndex < 0 { sessionConnection = true }
                checkConnection(lines[i].bytes, base: base, level: level)
            case 0x62:
                do { _ = try BandwidthField.scan(lines[i].bytes, base: base, path: "\(level.path).bandwidth") } catch { sink.add(error) }
            case 0x74:
                let b = lines[i].bytes
                do {
                    let t = try TimeField.scan(b, base: base, path: "session.time")
                    if !TimeField.isValidTime(digits: b[t.start]) {
                        add(SDPRules.timeValue, at: base, "session.time.startTime", "startTime '\(SDPGrammar.string(b[t.start]))' is neither 0 nor a time of at least 10 digits without a leading zero")
                    }
                    if !TimeField.isValidTime(digits: b[t.stop]) {
                        add(SDPRules.timeValue, at: base, "session.time.stopTime", "stopTime '\(SDPGrammar.string(b[t.stop]))' is neither 0 nor a time of at least 10 digits without a leading zero")
                    }
                } catch { sink.add(error) }
            case 0x72:
                do { _ = try RepeatField.decode(lines[i].bytes, base: base, path: "session.repeat") } catch { sink.add(error) }
            case 0x7a:
                do { _ = try ZoneField.decode(lines[i].bytes, base: base, path: "session.zone") } catch { sink.add(error) }
            case 0x6b:
                add(SDPRules.keyFieldObsolete, at: lineOffset(i), "\(level.path).key")
            default:
                break
            }
        }
        // m= lines.
        let media = index.sections.media
        for mi in 0..<min(index.media.count, media.count) {
            let entry = index.media[mi]
            if let f = entry.failure {
                sink.add(f.error)
                continue
            }
            let lineIdx = media[mi].lowerBound
            checkMediaLine(mi, entry, base: lineIdx < offsets.count ? offsets[lineIdx] + 2 : 0)
        }
        // c= present in the session or in every media section.
        if !sessionConnection {
            for (mi, r) in media.enumerated() where !r.contains(where: { lines[$0].type == 0x63 }) {
                add(SDPRules.connectionMissing, at: index.mLineOffset(mi), "media[\(mi)].connection", "media[\(mi)] has no c= line and there is no session-level c=")
            }
        }
    }

    /// The port, proto and `<fmt>` rules of media section `mi`'s m= line,
    /// read from the spans the index decoded (no field strings built).
    mutating func checkMediaLine(_ mi: Int, _ e: SDPIndex.MediaEntry, base: Int) {
        func path() -> String { "media[\(mi)]" }
        let bytes = e.bytes, sp = e.spans
        func offset(_ i: Int) -> Int { base + (i - bytes.startIndex) }
        func text(_ r: Range<Int>) -> String { SDPGrammar.string(bytes[r]) }
        let portAt = offset(sp.port.lowerBound)
        if DecimalToken.value(digits: bytes[sp.port]).map({ $0 > 65535 }) ?? true {
            add(SDPRules.portRange, at: portAt, path() + ".port", "port \(text(sp.port)) is not in 0..65535")
        }
        if let r = sp.numberOfPorts, DecimalToken.hasLeadingZero(digits: bytes[r]) || DecimalToken.value(digits: bytes[r]) == 0 {
            add(SDPRules.portCount, at: offset(r.lowerBound), path() + ".numberOfPorts", "number of ports '\(text(r))' is not POS-DIGIT *DIGIT")
        }
        let transport = e.transport ?? TransportProtocol(bytes: bytes[sp.proto])
        let payloadTypes: Bool
        if let info = transport.info {
            payloadTypes = info.formats == .payloadTypes
        } else {
            payloadTypes = false
            if let c = transport.caseInsensitiveMatch {
                add(SDPRules.protoCase, at: portAt, path() + ".proto", "proto '\(text(sp.proto))' is registered as '\(c)'")
            }
        }
        // The format list as decoded text (tokens separated by single
        // spaces); the first <fmt> follows "<media> <port>[/<n>] <proto> ".
        let list = bytes[sp.formats]
        let count = sp.formatCount
        let fmtBase = offset(sp.formats.lowerBound)
        func at(_ k: Int) -> Int { fmtBase + (k - list.startIndex) }
        // Duplicates: pairwise for short lists; beyond, a bit per
        // canonical payload type number (the text of a number 0..127
        // without a leading zero equals another format's text exactly
        // when the numbers are equal) and a hash table of the other
        // tokens (linear time). Formats are tokens (ASCII): bytes compare
        // as their strings do.
        let small = count <= 16
        var seen = TokenSet()
        var ptSeen = (UInt64(0), UInt64(0))
        let end = list.endIndex
        var start = list.startIndex
        var k = 0
        while start < end {
            var stop = start
            while stop < end && list[stop] != 0x20 { stop += 1 }
            let f = list[start..<stop]
            let pt = Self.canonicalPayloadType(bytes: f)
            if payloadTypes && pt == nil {
                add(SDPRules.payloadType, at: at(start), SDPPathText.indexed("media", mi, ".fmts", k),
                    "'\(SDPGrammar.string(f))' is not an RTP payload type 0..127 (\(text(sp.proto)))")
            }
            let duplicate: Bool
            if small {
                duplicate = Self.listContains(list[list.startIndex..<start], f)
            } else if let v = pt {
                let bit = UInt64(1) << UInt64(v & 63)
                if v < 64 {
                    duplicate = ptSeen.0 & bit != 0
                    ptSeen.0 |= bit
                } else {
                    duplicate = ptSeen.1 & bit != 0
                    ptSeen.1 |= bit
                }
            } else {
                duplicate = !seen.insert(start, in: list, expecting: count - k)
            }
            if duplicate {
                sink.add(SDPRules.formatDuplicate, at: at(start), SDPPathText.indexed("media", mi, ".fmts", k), text: "<fmt> '", f, "' listed twice")
            }
            k += 1
            start = stop + 1
        }
    }

    /// A set of the tokens of a space-separated list, by the index where
    /// each starts: open addressing over one array, an FNV-1a hash of the
    /// bytes (a token is short; `Set<String>` would hash and allocate far
    /// more per element).
    struct TokenSet {
        private var slots: [Int] = []
        private var mask = 0

        /// The token of `list` starting at `start` (up to the next space).
        private static func token(_ list: ArraySlice<UInt8>, _ start: Int) -> ArraySlice<UInt8> {
            var e = start
            while e < list.endIndex && list[e] != 0x20 { e += 1 }
            return list[start..<e]
        }

        /// Adds the token at `start`; false when an equal token is in.
        /// `expecting` bounds the insertions still to come.
        mutating func insert(_ start: Int, in list: ArraySlice<UInt8>, expecting: Int) -> Bool {
            if slots.isEmpty {
                var cap = 16
                while cap < 2 * max(1, expecting) { cap <<= 1 }
                slots = [Int](filling: -1, count: cap)
                mask = cap - 1
            }
            let t = Self.token(list, start)
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for c in t { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01b3 }
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let o = slots[i]
                if o < 0 {
                    slots[i] = start
                    return true
                }
                if Self.token(list, o) == t { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether a list of tokens, each followed by one space, holds `t`.
    static func listContains(_ list: ArraySlice<UInt8>, _ t: ArraySlice<UInt8>) -> Bool {
        let n = t.count
        var i = list.startIndex
        let end = list.endIndex
        while i < end {
            var j = i
            while j < end && list[j] != 0x20 { j += 1 }
            if j - i == n && list[i..<j].elementsEqual(t) { return true }
            i = j + 1
        }
        return false
    }

    /// The value of a format that is an RTP payload type 0..127 written
    /// without a leading zero (RFC 8866 §5.14), nil for any other text.
    static func canonicalPayloadType(_ f: String) -> Int? { canonicalPayloadType(bytes: f.utf8) }

    static func canonicalPayloadType<C: Collection>(bytes f: C) -> Int? where C.Element == UInt8 {
        var v = 0
        var n = 0
        for c in f {
            guard SDPGrammar.isDigit(c), n < 3 else { return nil }
            if n > 0 && v == 0 { return nil }   // leading zero
            v = v * 10 + Int(c - 0x30)
            n += 1
        }
        return n > 0 && v <= 127 ? v : nil
    }

    mutating func checkConnection(_ bytes: ArraySlice<UInt8>, base: Int, level: SDPLevel) {
        // `<level>.connection`, built only for a finding; the scanner joins
        // its error paths onto an empty one and the prefix goes in front.
        var path: String { level.path + ".connection" }
        let c: ConnectionField.Spans
        do { c = try ConnectionField.scan(bytes, base: base, path: "") } catch {
            var e = error
            e.path = ByteCursor.join(path, error.path)
            sink.add(e)
            return
        }
        let addrType = bytes[c.addrType]
        let isIP4 = SDPASCII.equals(addrType, "IP4"), isIP6 = SDPASCII.equals(addrType, "IP6")
        guard isIP4 || isIP6 else { return }   // every rule below is for IP4 or IP6
        let address = bytes[c.address]
        // The byte offset of the first '/' (or of the line end): a byte
        // count, so an address with invalid UTF-8 cannot push it past the
        // input (FuzzSDP crash-81229dc1).
        let suffixAt = base + (c.address.upperBound - bytes.startIndex)
        var addressText: String { SDPGrammar.string(address) }
        let multicast = ConnectionField.isMulticast(isIP4: isIP4, isIP6: isIP6, address: address)
        if !multicast, c.suffixCount > 0,
           isIP4 ? ConnectionField.dottedQuad(bytes: address) != nil
                 : (address.allSatisfy({ $0 < 0x80 }) ? address.contains(0x3a) : addressText.contains(":")) {
            add(SDPRules.connectionUnicastSlash, at: suffixAt, path + ".connectionAddress", "'/' suffix on the unicast address \(addressText)")
        }
        if isIP4 && multicast {
            if c.suffixCount == 0 { add(SDPRules.connectionMulticastTTL, at: suffixAt, path + ".ttl", "IP4 multicast address \(addressText) without /ttl") }
            if c.suffixCount > 0 {
                let t = bytes[c.suffixes.0]
                if DecimalToken.hasLeadingZero(digits: t) || (DecimalToken.value(digits: t).map { $0 > 255 } ?? true) {
                    add(SDPRules.connectionTTLRange, at: suffixAt + 1, path + ".ttl", "TTL '\(SDPGrammar.string(t))' is not 0..255")
                }
            }
        }
        if isIP6 && multicast && c.suffixCount > 1 {
            add(SDPRules.connectionIP6TTL, at: suffixAt, path + ".connectionAddress", "IP6 multicast with two '/' suffixes: a TTL MUST NOT be present")
        }
    }
}

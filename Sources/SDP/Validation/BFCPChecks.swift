import MediasecCore

/// RFC 8856: BFCP m-lines and `a=floorctrl` / `a=confid` / `a=userid` / `a=floorid`.
extension SDPValidationRun {
    mutating func checkBFCP() {
        // a=label values of the whole description (floorid targets), built
        // on the first a=floorid that names a stream.
        var labels: Set<String>? = nil
        for mi in 0..<index.mediaCount {
            let level = SDPLevel.media(mi)
            if index.has(.confid, level) {
                for (da, c) in index.each(level, SDPIndex.conferenceID) where c.conferenceID.value(in: 0...BFCPConferenceIDAttribute.maximum) == nil {
                    add(SDPRules.bfcpConfidRange, at: da.valueOffset, da.located.path(".confid"), "confid \(c.conferenceID) exceeds 2^32-1")
                }
            }
            if index.has(.userid, level) {
                for (da, u) in index.each(level, SDPIndex.userID) where u.userID.value(in: 0...BFCPUserIDAttribute.maximum) == nil {
                    add(SDPRules.bfcpUseridRange, at: da.valueOffset, da.located.path(".userid"), "userid \(u.userID) exceeds 65535")
                }
            }
            if index.has(.floorid, level) {
                for (da, fl) in index.each(level, SDPIndex.floorID) {
                    if fl.floorID.value(in: 0...FloorIDAttribute.maximum) == nil {
                        add(SDPRules.bfcpFlooridRange, at: da.valueOffset, da.located.path(".floorid.floorId"), "floorid \(fl.floorID) exceeds 65535")
                    }
                    if fl.mediaStreams.isEmpty { continue }
                    let known = labels ?? descriptionLabels()
                    labels = known
                    for (k, s) in fl.mediaStreams.enumerated() where !known.contains(s) {
                        add(SDPRules.bfcpFlooridLabel, at: da.valueOffset, "\(da.located.path).floorid.mediaStreams[\(k)]", "no a=label:\(s) in this description")
                    }
                }
            }
            let hasFloorctrl = index.has(.floorctrl, level)
            if hasFloorctrl {
                for (da, fc) in index.each(level, SDPIndex.floorControl) {
                    if fc.roles.contains(.clientServer) { add(SDPRules.bfcpClientServer, at: da.valueOffset, da.located.path(".floorctrl")) }
                    if role == .answer && (fc.roles.count != 1 || fc.roles[0] == .clientServer) {
                        add(SDPRules.bfcpAnswerRoles, at: da.valueOffset, da.located.path(".floorctrl"), "answer roles '\(fc.encodedValue)'")
                    }
                }
            }
            guard index.application(mi) == .bfcp, let f = index.decodedMedia(mi) else { continue }
            func mPath() -> String { SDPPathText.indexed("media", mi) }
            let mAt = index.mLineOffset(mi)
            if !f.mediaIs("application") { add(SDPRules.bfcpMedia, at: mAt + 2, mPath() + ".media", "media '\(f.text(f.spans.media))' (BFCP requires 'application')") }
            if !f.isStarOnly { add(SDPRules.bfcpFormat, at: mAt, mPath() + ".fmts", "format list '\(f.text(f.spans.formats))'") }
            if f.isRejected != false { continue }
            if !hasFloorctrl { add(SDPRules.bfcpFloorctrlMissing, at: mAt, mPath()) }
            if hasFloorctrl, !(index.has(.confid, level) && index.has(.userid, level) && index.has(.floorid, level)),
               let (da, fc) = index.firstTyped(level, SDPIndex.floorControl), fc.mayBeServer {
                let missing = [SDPIndexedName.confid, .userid, .floorid].filter { !index.has($0, level) }.map(\.name)
                if !missing.isEmpty {
                    add(SDPRules.bfcpServerAttributes, at: da.valueOffset, da.located.path(".floorctrl"), "floorctrl '\(fc.encodedValue)' without \(missing.map { "a=" + $0 }.joined(separator: ", "))")
                }
            }
        }
    }

    /// The `a=label` values at every level.
    private func descriptionLabels() -> Set<String> {
        var labels = Set<String>()
        for level in index.levels {
            for e in index.chain(.label, level) { if let v = e.located.attribute.valueString { labels.insert(v) } }
        }
        return labels
    }
}

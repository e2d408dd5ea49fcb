/// SDP security attributes module.
///
/// Layout, bottom to top (STYLE.md §1, raw structure first, typed values
/// second):
///
/// - `Session/`: the RFC 8866 line layer. ``SDPDecoder`` splits the input
///   into ``SDPLine``s (keeping every line's terminator), ``SessionDescription``
///   groups them into the session section and media sections, and
///   ``SessionDescription/encoded()`` puts them back byte for byte. The typed
///   fields of `o=`, `c=`, `b=`, `t=`, `m=` are parsed on demand.
/// - `Attributes/`: one codec per attribute (`a=crypto`, `a=fingerprint`,
///   `a=key-mgmt`, `a=setup`, `a=connection`, `a=tls-id`, `a=3ge2ae`, MSRP
///   `a=path` / `a=accept-types`, BFCP `a=floorctrl` / `a=confid` /
///   `a=userid` / `a=floorid`), each with a decoder and an encoder, reached
///   through one dispatch table (``SDPAttributeRegistry``).
/// - `Validation/`: the named rule catalog (``SDPRules``), the profiles, the
///   validator and the offer/answer checks.
/// - `Report/`: the JSON decoded tree (``SDPJSON``).
///
/// Positions: every finding carries the absolute byte `offset` into the
/// description; its `message` starts with the 1-based `line:column` of that
/// offset (column counted in bytes), e.g. `"12:9: MKI length 0 is outside
/// 1..128"`. The `path` is structural and never contains positions
/// (`media[0].attributes[1].crypto.keyParams[0].mki.length`), so paths stay
/// comparable across inputs. ``DecodedSessionDescription/position(of:)``
/// turns any offset back into a line and column.
public enum SDPModule {}

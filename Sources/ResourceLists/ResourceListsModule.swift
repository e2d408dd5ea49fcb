import CLibXML2

/// resource-lists module: `application/resource-lists+xml` (RFC 4826) with
/// the copy-control extension (RFC 5364) as request-contained URI lists
/// carry it (RFC 5363 / 5365 / 5366; TR 33.829 clause 5.3.3.4.1).
///
/// Layout, bottom to top (STYLE.md §1, raw structure first, typed values
/// second):
///
/// - `XML/`: the hardened libxml2 wrapper (``LibXML2``, the only code that
///   touches the C API: `LibXML2.swift`, `LibXML2Schema.swift`), the
///   UTF-8/prolog checks made before libxml2 sees the bytes, the start-tag
///   scanner that gives elements and attributes their byte offsets, and the
///   named limits (``ResourceListsLimits``).
/// - `Model/`: the typed tree (``ResourceListsDocument``, ``ResourceList``,
///   ``Entry``, ``EntryRef``, ``External``, ``DisplayName``,
///   ``CopyControlAttributes``) with unknown elements and attributes kept
///   as ``GenericElement`` / ``GenericAttribute``, children in document order.
/// - `Codec/`: ``ResourceListsDecoder`` (bytes → model + positions) and
///   ``ResourceListsEncoder`` (model → canonical bytes; the canonical form is
///   documented there).
/// - `Validation/`: the rule catalog (``ResourceListsRules``), the profiles
///   `rfc4826`, `rfc5364`, `rfc5366`, ``ResourceListsValidator`` and the
///   optional XSD cross-check against the embedded IANA schemas (`Schemas/`).
/// - `Report/`: the JSON decoded tree (``ResourceListsJSON``).
///
/// Positions: a finding's `offset` is the byte offset of the element's `<`
/// or of the attribute's name (nil when unknown); its message starts with
/// the 1-based `line:column` of that place, the column counted in Unicode
/// scalars as libxml2 and xmllint count it, e.g.
/// `"4:7: uri \"sip:a@x\" repeats that of resource-lists.list[0].entry[0] …"`.
/// libxml2's own diagnostics carry libxml2's line and column, converted to
/// an offset. Paths are structural (``ResourceListsPath``):
/// `resource-lists.list[0].entry[2]@uri`.
public enum ResourceListsModule {
    /// The libxml2 version the module was built against (LIBXML_DOTTED_VERSION).
    public static var libxmlVersion: String { LIBXML_DOTTED_VERSION }
}

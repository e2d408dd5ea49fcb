import MediasecCore

/// Writes a ``ResourceListsDocument`` in the suite's canonical form.
///
/// Canonical form:
/// 1. UTF-8, no byte order mark, LF line ends, first line exactly
///    `<?xml version="1.0" encoding="UTF-8"?>`, and a final LF after the
///    root's end tag.
/// 2. Namespaces: every declaration is on the root, in this order: the
///    default namespace `urn:ietf:params:xml:ns:resource-lists`, then those
///    of the fixed prefixes that are used — `cp` (copycontrol), `xsi`, `rl`
///    (only for attributes in the resource-lists namespace) — then `ns1`,
///    `ns2`, … for other namespaces in order of first use (pre-order; an
///    element's name before its attributes). `xml:` is never declared. An
///    element in no namespace is written with `xmlns=""` (and a
///    resource-lists element below it re-declares the default).
/// 3. Attributes: namespace declarations, then the element's own attribute
///    (`name` / `uri` / `ref` / `anchor`, or `xml:lang` on display-name),
///    then `cp:copyControl`, `cp:anonymize`, `cp:count`, then the other
///    attributes in model order; values in double quotes.
/// 4. Escaping (as Canonical XML 1.0): text `&amp; &lt; &gt; &#13;`;
///    attribute values `&amp; &lt; &quot; &#9; &#10; &#13;`; nothing else.
/// 5. Layout: two spaces of indentation per level; an element without
///    content is `<x/>`; an element with element children and no text has
///    each child on its own line; `display-name` and every element with
///    text are written on one line exactly as modelled (no added white space).
///
/// Laws (tested): `decode(encode(m)) == m` for every model the encoder
/// accepts, and `encode(decode(x)) == x` for every `x` in canonical form.
/// The encoder refuses models the decoder cannot produce — empty or
/// adjacent text children, white-space-only text in element content, a
/// typed element or attribute kept as generic, duplicate attributes,
/// invalid names or characters — with an ``EncodingError``.
public struct ResourceListsEncoder: Sendable {
    public init() {}

    public func encode(_ document: ResourceListsDocument) throws(EncodingError) -> [UInt8] {
        Array(try encodeString(document).utf8)
    }

    public func encodeString(_ document: ResourceListsDocument) throws(EncodingError) -> String {
        let root = try OutputTree.document(document)
        var w = XMLWriter(root: root)
        return w.write()
    }
}

/// `<list>`: a named, possibly nested resource list (RFC 4826 §3.1).
///
/// ```
/// <xs:complexType name="listType">
///  <xs:sequence>
///   <xs:element name="display-name" type="display-nameType" minOccurs="0"/>
///   <xs:sequence minOccurs="0" maxOccurs="unbounded">
///    <xs:choice>
///     <xs:element name="list"> … extension of listType … </xs:element>
///     <xs:element name="external" type="externalType"/>
///     <xs:element name="entry" type="entryType"/>
///     <xs:element name="entry-ref" type="entry-refType"/>
///    </xs:choice>
///   </xs:sequence>
///   <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
///  </xs:sequence>
///  <xs:attribute name="name" type="xs:string" use="optional"/>
///  <xs:anyAttribute namespace="##other" processContents="lax"/>
/// </xs:complexType>
/// ```
///
/// The children are kept in document order, whatever it is, so that the
/// validator can report order violations and the encoder can reproduce
/// them; ``displayName``, ``members`` and ``extensions`` are views.
/// RFC 5364's attributes may qualify any child of a list (§4), so a nested
/// list carries ``copyControl`` too.
public struct ResourceList: Sendable, Hashable {
    public var name: String?
    public var copyControl: CopyControlAttributes
    public var attributes: [GenericAttribute]
    public var children: [ListChild]

    public init(name: String? = nil, displayName: DisplayName? = nil, members: [ListMember] = [],
                copyControl: CopyControlAttributes = .none, attributes: [GenericAttribute] = [], extensions: [GenericElement] = []) {
        self.name = name
        self.copyControl = copyControl
        self.attributes = attributes
        self.children = (displayName.map { [ListChild.displayName($0)] } ?? []) + members.map(\.asChild) + extensions.map { .other($0) }
    }

    public init(name: String?, copyControl: CopyControlAttributes, attributes: [GenericAttribute], children: [ListChild]) {
        self.name = name
        self.copyControl = copyControl
        self.attributes = attributes
        self.children = children
    }

    public var displayName: DisplayName? {
        for c in children { if case .displayName(let d) = c { return d } }
        return nil
    }

    /// `list`, `external`, `entry` and `entry-ref` children in order.
    public var members: [ListMember] { children.compactMap(\.member) }

    /// Element children kept as XML (extensions and misplaced elements).
    public var extensions: [GenericElement] {
        children.compactMap { if case .other(let e) = $0 { e } else { nil } }
    }

    /// Every entry in this list and its nested lists, depth first.
    public var allEntries: [Entry] {
        members.flatMap { m -> [Entry] in
            switch m {
            case .entry(let e): return [e]
            case .list(let l): return l.allEntries
            case .entryRef, .external: return []
            }
        }
    }
}

/// The four member kinds of a list.
public enum ListMember: Sendable, Hashable {
    case list(ResourceList)
    case external(External)
    case entry(Entry)
    case entryRef(EntryRef)

    var asChild: ListChild {
        switch self {
        case .list(let l): return .list(l)
        case .external(let e): return .external(e)
        case .entry(let e): return .entry(e)
        case .entryRef(let r): return .entryRef(r)
        }
    }
}

/// A child of `<list>` in document order.
public enum ListChild: Sendable, Hashable {
    case displayName(DisplayName)
    case list(ResourceList)
    case external(External)
    case entry(Entry)
    case entryRef(EntryRef)
    /// An extension element, or an element not allowed here.
    case other(GenericElement)
    /// Character data other than whitespace (not allowed: element content).
    case text(String)

    public var member: ListMember? {
        switch self {
        case .list(let l): return .list(l)
        case .external(let e): return .external(e)
        case .entry(let e): return .entry(e)
        case .entryRef(let r): return .entryRef(r)
        case .displayName, .other, .text: return nil
        }
    }
}

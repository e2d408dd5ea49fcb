/// Schema texts compiled by the XSD cross-check (see ``XSDSchemaSet``).
///
/// Provenance: `ianaResourceLists` and `ianaCopyControl` are byte-for-byte
/// copies of the IANA XML schema registry entries
/// `urn:ietf:params:xml:schema:resource-lists` (RFC 4826 §8.4.1) and
/// `urn:ietf:params:xml:schema:copycontrol` (RFC 5364 §9.3), as shipped in
/// the suite's spec folder (`specs/iana/*.xsd`; a test compares them).
/// `xmlNamespace` is a minimal local replacement for the W3C
/// `http://www.w3.org/2001/xml.xsd` that the resource-lists schema imports
/// for `xml:lang`: validation never touches the network.
enum EmbeddedSchemas {
    static let ianaResourceLists = #"""
<?xml version="1.0" encoding="UTF-8"?>
<xs:schema targetNamespace="urn:ietf:params:xml:ns:resource-lists"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns="urn:ietf:params:xml:ns:resource-lists"
 elementFormDefault="qualified" attributeFormDefault="unqualified">
<xs:import namespace="http://www.w3.org/XML/1998/namespace"
 schemaLocation="http://www.w3.org/2001/xml.xsd"/>
 <xs:complexType name="listType">
  <xs:sequence>
   <xs:element name="display-name" type="display-nameType"
    minOccurs="0"/>
   <xs:sequence minOccurs="0" maxOccurs="unbounded">
    <xs:choice>
     <xs:element name="list">
      <xs:complexType>
       <xs:complexContent>
        <xs:extension base="listType"/>
       </xs:complexContent>
      </xs:complexType>
     </xs:element>
     <xs:element name="external" type="externalType"/>
     <xs:element name="entry" type="entryType"/>
     <xs:element name="entry-ref" type="entry-refType"/>
    </xs:choice>
   </xs:sequence>
   <xs:any namespace="##other" processContents="lax" minOccurs="0"
    maxOccurs="unbounded"/>
  </xs:sequence>
  <xs:attribute name="name" type="xs:string" use="optional"/>
  <xs:anyAttribute namespace="##other" processContents="lax"/>
 </xs:complexType>
 <xs:complexType name="entryType">
  <xs:sequence>
   <xs:element name="display-name" minOccurs="0">
    <xs:complexType>
     <xs:simpleContent>
      <xs:extension base="display-nameType"/>
     </xs:simpleContent>
    </xs:complexType>
   </xs:element>
   <xs:any namespace="##other" processContents="lax" minOccurs="0"
    maxOccurs="unbounded"/>
  </xs:sequence>
  <xs:attribute name="uri" type="xs:anyURI" use="required"/>
  <xs:anyAttribute namespace="##other" processContents="lax"/>
 </xs:complexType>
 <xs:complexType name="entry-refType">
  <xs:sequence>
   <xs:element name="display-name" type="display-nameType"
    minOccurs="0"/>
   <xs:any namespace="##other" processContents="lax" minOccurs="0"
    maxOccurs="unbounded"/>
  </xs:sequence>
  <xs:attribute name="ref" type="xs:anyURI" use="required"/>
  <xs:anyAttribute namespace="##other" processContents="lax"/>
 </xs:complexType>
 <xs:complexType name="externalType">
  <xs:sequence>
   <xs:element name="display-name" type="display-nameType"
    minOccurs="0"/>
   <xs:any namespace="##other" processContents="lax" minOccurs="0"
    maxOccurs="unbounded"/>
  </xs:sequence>
  <xs:attribute name="anchor" type="xs:anyURI" use="required"/>
  <xs:anyAttribute namespace="##other" processContents="lax"/>
 </xs:complexType>
 <xs:element name="resource-lists">
  <xs:complexType>
   <xs:sequence minOccurs="0" maxOccurs="unbounded">
    <xs:element name="list" type="listType"/>
   </xs:sequence>
  </xs:complexType>
 </xs:element>
 <xs:complexType name="display-nameType">
  <xs:simpleContent>
   <xs:extension base="xs:string">
    <xs:attribute ref="xml:lang"/>
   </xs:extension>
  </xs:simpleContent>
 </xs:complexType>
</xs:schema>


"""#

    static let ianaCopyControl = #"""
<?xml version="1.0" encoding="UTF-8"?>
<xs:schema targetNamespace="urn:ietf:params:xml:ns:copycontrol"
    xmlns="urn:ietf:params:xml:ns:copycontrol"
    xmlns:rls="urn:ietf:params:xml:ns:resource-lists"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified"
    attributeFormDefault="unqualified">

    <xs:annotation>
      <xs:documentation xml:lang="en">
         Adds the copyControl, anonymize, and count attributes
         to URIs included in a resource list.
      </xs:documentation>
    </xs:annotation>

   <xs:import namespace="urn:ietf:params:xml:ns:resource-lists"
         schemaLocation="urn:ietf:params:xml:schema:resource-lists"/>

    <xs:attribute name="copyControl">
       <xs:simpleType>
          <xs:restriction base="xs:string">
             <xs:enumeration value="to"/>
             <xs:enumeration value="cc"/>
             <xs:enumeration value="bcc"/>
          </xs:restriction>
       </xs:simpleType>
    </xs:attribute>

   <xs:attribute name="anonymize" type="xs:boolean" default="false"/>
   <xs:attribute name="count" type="xs:nonNegativeInteger"
                              default="1"/>

</xs:schema>
"""#

    static let xmlNamespace = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Minimal local stand-in for http://www.w3.org/2001/xml.xsd, written for
  mediasec (no network at validation time). It declares the four attributes
  of the XML namespace with the types the W3C schema gives them: xml:lang
  (xs:language or the empty string), xml:space (default | preserve),
  xml:base (xs:anyURI) and xml:id (xs:ID), plus the specialAttrs group.
-->
<xs:schema targetNamespace="http://www.w3.org/XML/1998/namespace"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xml:lang="en">
 <xs:attribute name="lang">
  <xs:simpleType>
   <xs:union memberTypes="xs:language">
    <xs:simpleType>
     <xs:restriction base="xs:string">
      <xs:enumeration value=""/>
     </xs:restriction>
    </xs:simpleType>
   </xs:union>
  </xs:simpleType>
 </xs:attribute>
 <xs:attribute name="space">
  <xs:simpleType>
   <xs:restriction base="xs:NCName">
    <xs:enumeration value="default"/>
    <xs:enumeration value="preserve"/>
   </xs:restriction>
  </xs:simpleType>
 </xs:attribute>
 <xs:attribute name="base" type="xs:anyURI"/>
 <xs:attribute name="id" type="xs:ID"/>
 <xs:attributeGroup name="specialAttrs">
  <xs:attribute ref="xml:base"/>
  <xs:attribute ref="xml:lang"/>
  <xs:attribute ref="xml:space"/>
  <xs:attribute ref="xml:id"/>
 </xs:attributeGroup>
</xs:schema>

"""#

    /// RFC 4826 §3.2 as printed: identical to the IANA copy except that
    /// `external/@anchor` is optional (FACTS §10 item 20).
    static let rfc4826PrintedResourceLists: String = {
        let required = #"<xs:attribute name="anchor" type="xs:anyURI" use="required"/>"#
        let printed = #"<xs:attribute name="anchor" type="xs:anyURI"/>"#
        return ianaResourceLists.replacing(required, with: printed)
    }()
}

/// Example documents from the RFCs, with provenance. Each is checked
/// against the RFC text in `specs/rfc/` by ``RFCExampleTests`` when that
/// folder is present.
enum RFCExamples {
    /// RFC 4826 §3.3. The RFC folds the long `ref` and `anchor` values
    /// over several lines "for the purposes of readability only" (§3.1);
    /// they are unfolded here as the note says.
    static let rfc4826 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
     <list name="friends">
      <entry uri="sip:bill@example.com">
       <display-name>Bill Doe</display-name>
      </entry>
      <entry-ref ref="resource-lists/users/sip:bill@example.com/index/~~/resource-lists/list%5b@name=%22list1%22%5d/entry%5b@uri=%22sip:petri@example.com%22%5d"/>
      <list name="close-friends">
       <display-name>Close Friends</display-name>
       <entry uri="sip:joe@example.com">
        <display-name>Joe Smith</display-name>
       </entry>
       <entry uri="sip:nancy@example.com">
        <display-name>Nancy Gross</display-name>
       </entry>
       <external anchor="http://xcap.example.org/resource-lists/users/sip:a@example.org/index/~~/resource-lists/list%5b@name=%22mkting%22%5d">
         <display-name>Marketing</display-name>
        </external>
      </list>
     </list>
    </resource-lists>
    """

    /// RFC 5364 §6 Figure 3 (recipient list; also RFC 5365 §9 Figure 2's list body).
    static let rfc5364RecipientList = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
              xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
      <list>
        <entry uri="sip:bill@example.com" cp:copyControl="to" />
        <entry uri="sip:randy@example.net" cp:copyControl="to"
                                           cp:anonymize="true"/>
        <entry uri="sip:eddy@example.com" cp:copyControl="to"
                                          cp:anonymize="true"/>
        <entry uri="sip:joe@example.org" cp:copyControl="cc" />
        <entry uri="sip:carol@example.net" cp:copyControl="cc"
                                           cp:anonymize="true"/>
        <entry uri="sip:ted@example.net" cp:copyControl="bcc" />
        <entry uri="sip:andy@example.com" cp:copyControl="bcc" />
      </list>
    </resource-lists>
    """

    /// RFC 5364 §6 Figure 4 (recipient-history list; also RFC 5366 §6 Figure 4).
    static let rfc5364HistoryList = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
              xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
      <list>
        <entry uri="sip:bill@example.com" cp:copyControl="to" />
        <entry uri="sip:anonymous@anonymous.invalid" cp:copyControl="to"
                                                     cp:count="2"/>
        <entry uri="sip:joe@example.org" cp:copyControl="cc" />
        <entry uri="sip:anonymous@anonymous.invalid" cp:copyControl="cc"
                                                     cp:count="1"/>
      </list>
    </resource-lists>
    """

    /// RFC 5366 §4 Figure 1 (flat URI list).
    static let rfc5366FlatList = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
              xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
      <list>
        <entry uri="sip:bill@example.com" cp:copyControl="to"  />
        <entry uri="sip:joe@example.org" cp:copyControl="cc" />
        <entry uri="sip:ted@example.net" cp:copyControl="bcc" />
      </list>
    </resource-lists>
    """

    /// RFC 5366 §6 Figure 3 (the INVITE's recipient-list body): the
    /// copycontrol namespace is written `urn:ietf:params:xml:ns:copyControl`.
    static let rfc5366WrongCase = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
              xmlns:cp="urn:ietf:params:xml:ns:copyControl">
      <list>
        <entry uri="sip:bill@example.com" cp:copyControl="to" />
        <entry uri="sip:randy@example.net" cp:copyControl="to"
                                           cp:anonymize="true"/>
        <entry uri="sip:eddy@example.com" cp:copyControl="to"
                                          cp:anonymize="true"/>
        <entry uri="sip:joe@example.org" cp:copyControl="cc" />
        <entry uri="sip:carol@example.net" cp:copyControl="cc"
                                           cp:anonymize="true"/>
        <entry uri="sip:ted@example.net" cp:copyControl="bcc" />
        <entry uri="sip:andy@example.com" cp:copyControl="bcc" />
      </list>
    </resource-lists>
    """

    /// TR 33.829 clause 5.3.3.4.1 shows the conference-factory INVITE with
    /// `<URI list goes here>`; this list is constructed for it (RFC 5366
    /// format, the TR's user names), not taken from the TR.
    static let tr33829ConferenceList = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
              xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
      <list>
        <entry uri="sip:user2_public1@home2.net" cp:copyControl="to"/>
        <entry uri="sip:user3_public1@home1.net" cp:copyControl="cc"/>
        <entry uri="tel:+1-201-555-0123" cp:copyControl="bcc"/>
      </list>
    </resource-lists>
    """
}

/// CMS AuthEnvelopedData module (RFC 5083); see DER/ and AuthEnveloped/.
public enum CMSModule {}

/// SDP security attributes module; see Session/ and Attributes/.
public enum SDPModule {}

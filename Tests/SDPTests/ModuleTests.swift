import Testing
@testable import SDP

@Test func sdpModuleLinks() { #expect(String(describing: SDPModule.self) == "SDPModule") }

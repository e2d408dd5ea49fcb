import Testing
@testable import SIPBody

@Test func sipBodyModuleLinks() { #expect(String(describing: SIPBodyModule.self) == "SIPBodyModule") }

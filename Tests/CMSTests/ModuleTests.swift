import Testing
@testable import CMS

@Test func cmsModuleLinks() { #expect(String(describing: CMSModule.self) == "CMSModule") }

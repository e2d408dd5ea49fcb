import Testing
@testable import ResourceLists

@Test func libxmlLinks() { #expect(ResourceListsModule.libxmlVersion.hasPrefix("2")) }

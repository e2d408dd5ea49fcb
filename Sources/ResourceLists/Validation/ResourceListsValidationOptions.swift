public struct ResourceListsValidationOptions: Sendable {
    /// Profiles to run; nil runs ``ResourceListsValidator/defaultProfiles``.
    public var profiles: Set<ResourceListsProfileName>?
    public var limits: ResourceListsLimits
    /// Also validate with libxml2's XML Schema validator against this
    /// schema set and report disagreements; nil (the default) skips it.
    public var xsdCrossCheck: XSDSchemaSet?

    public init(profiles: Set<ResourceListsProfileName>? = nil, limits: ResourceListsLimits = .default, xsdCrossCheck: XSDSchemaSet? = nil) {
        self.profiles = profiles
        self.limits = limits
        self.xsdCrossCheck = xsdCrossCheck
    }
}

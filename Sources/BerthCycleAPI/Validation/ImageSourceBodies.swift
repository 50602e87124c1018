import BerthModel
import BerthServices

/// The request bodies of the image-source routes, checked as Cycle's schemas define them
/// (reference A.4): create needs `type` and `origin`; update cannot touch `type` or `acl`.
enum ImageSourceBodies {
    static let sourceTypes = ["stack-build", "direct", "bucket"]

    static func create(_ body: JSONValue) throws(CycleError) -> ImageSourceDraft {
        let root = try CycleObjectReader(body, at: "")
        try root.only(["name", "identifier", "acl", "builder", "type", "origin", "about"])
        let type = try root.oneOf("type", sourceTypes, required: true) ?? ""
        try OriginValidator.validate(root.object["origin"])
        return ImageSourceDraft(
            name: try root.string("name"), identifier: try identifier(root, nullable: false), type: type, origin: root.object["origin"] ?? .null,
            about: try about(root), builder: try builder(root, integrationRequired: true), acl: try acl(root)
        )
    }

    static func update(_ body: JSONValue) throws(CycleError) -> ImageSourcePatch {
        let root = try CycleObjectReader(body, at: "")
        if root.has("type") { throw CycleError.invalid("/type", "an image source's type cannot be changed; create a new source instead") }
        if root.has("acl") { throw CycleError.invalid("/acl", "an image source's ACL is changed through PATCH /v1/images/sources/{sourceId}/access") }
        try root.only(["name", "identifier", "origin", "builder", "about"])
        var patch = ImageSourcePatch()
        patch.name = try root.string("name")
        if root.isNull("identifier") {
            patch.identifier = .null
        } else if let identifier = try identifier(root, nullable: true) {
            patch.identifier = .string(identifier)
        }
        if root.has("origin") {
            try OriginValidator.validate(root.object["origin"])
            patch.origin = root.object["origin"]
        }
        patch.about = try about(root)
        if root.has("builder") { patch.builder = try builder(root, integrationRequired: false) ?? .null }
        return patch
    }

    static func access(_ body: JSONValue) throws(CycleError) -> CycleACL? {
        let root = try CycleObjectReader(body, at: "")
        try root.only(["acl"])
        guard root.has("acl") else { throw CycleError.missing("/acl", "acl is required: an ACL object, or null to remove it") }
        return try acl(root)
    }

    static func identifier(_ root: CycleObjectReader, nullable: Bool) throws(CycleError) -> String? {
        guard let identifier = try root.string("identifier", nullable: nullable) else { return nil }
        guard CycleIdentifier.isValid(identifier) else {
            throw CycleError.invalid("/identifier", "identifier \"\(identifier)\" must be a slug of lowercase letters, digits and single dashes, such as my-source")
        }
        return identifier
    }

    static func about(_ root: CycleObjectReader) throws(CycleError) -> ImageSourceAbout? {
        guard let about = try root.object("about") else { return nil }
        try about.only(["description"])
        guard about.has("description") else { throw CycleError.missing("/about/description", "about.description is required (a string or null)") }
        return ImageSourceAbout(description: try about.string("description", nullable: true))
    }

    /// `{integration_id}`: an id or an identifier (a HybridIdentifier); required on create.
    static func builder(_ root: CycleObjectReader, integrationRequired: Bool) throws(CycleError) -> JSONValue? {
        guard let builder = try root.object("builder", nullable: true) else { return nil }
        try builder.only(["integration_id"])
        guard let id = try builder.string("integration_id", required: integrationRequired, nullable: !integrationRequired) else {
            return ["integration_id": .null]
        }
        guard ObjectID.isValid(id) || CycleIdentifier.isValid(id) else {
            throw CycleError.invalid("/builder/integration_id", "integration_id must be a 24-hex id or an identifier slug")
        }
        return ["integration_id": .string(id)]
    }

    static func acl(_ root: CycleObjectReader) throws(CycleError) -> CycleACL? {
        guard let acl = try root.object("acl", nullable: true) else { return nil }
        try acl.only(["roles"])
        guard let roles = try acl.object("roles", required: true) else { return nil }
        guard !roles.object.isEmpty else {
            throw CycleError.invalid("/acl/roles", "an ACL needs at least one role; send acl: null to remove the ACL")
        }
        var entries: [String: ACLEntry] = [:]
        for key in roles.object.keys.sorted() {
            guard let entry = try roles.object(key, required: true) else { continue }
            try entry.only(["view", "modify", "manage"])
            entries[key] = ACLEntry(view: try entry.bool("view", required: true) ?? false, modify: try entry.bool("modify", required: true) ?? false,
                                    manage: try entry.bool("manage", required: true) ?? false)
        }
        return CycleACL(roles: entries)
    }

    /// `POST /v1/images`: the source, an optional name, per-image overrides.
    static func image(_ body: JSONValue) throws(CycleError) -> (sourceID: String, name: String?, override: CycleImageOverride?) {
        let root = try CycleObjectReader(body, at: "")
        try root.only(["name", "source_id", "build", "override"])
        let source = try root.string("source_id", required: true) ?? ""
        guard ObjectID.isValid(source) else { throw CycleError.invalid("/source_id", "source_id must be the 24-hex id of an image source") }
        if let build = try root.object("build", nullable: true) {
            try build.only(["args", "use_disk"])
            if let args = try build.object("args", nullable: true) {
                for key in args.object.keys.sorted() { _ = try args.string(key, required: false) }
            }
            _ = try build.bool("use_disk")
        }
        var override: CycleImageOverride?
        if let given = try root.object("override", nullable: true) {
            try given.only(["target", "targz_url"])
            override = CycleImageOverride(target: try given.string("target", nullable: true), targzUrl: try given.string("targz_url", nullable: true))
            if let target = override?.target { try OriginValidator.reference(target, at: "/override/target") }
        }
        return (source, try root.string("name", nullable: true), override)
    }

    static func task(_ body: JSONValue) throws(CycleError) -> String {
        let root = try CycleObjectReader(body, at: "")
        try root.only(["action", "contents"])
        return try root.oneOf("action", ["import"], required: true) ?? ""
    }
}

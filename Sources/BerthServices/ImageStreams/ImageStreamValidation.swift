import BerthModel

/// `validation.go` for streams and tags, with upstream's field paths and wording.
public enum ImageStreamValidation {
    static let namePattern = "^[a-z0-9]+(?:[._-][a-z0-9]+)*$"

    public static func streamName(_ name: String, namespace: String?, field: String = "metadata.name") -> [KubeStatusCause] {
        var causes = KubeNames.pathSegmentProblems(name).map { KubeStatusCause.invalid(field, name, $0) }
        if name.range(of: namePattern, options: .regularExpression) == nil {
            causes.append(.invalid(field, name, "must match \"[a-z0-9]+(?:[._-][a-z0-9]+)*\""))
        }
        if let namespace {
            if !KubeNames.isDNSLabel(namespace) {
                causes.append(.invalid("metadata.namespace", namespace, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"))
            }
            if namespace.count + 1 + name.count > 255 {
                causes.append(.invalid(field, name, "'namespace/name' cannot be longer than 255 characters"))
            }
        }
        return causes
    }

    public static func stream(_ stream: ImageStream) -> [KubeStatusCause] {
        var causes = streamName(stream.metadata.name ?? "", namespace: stream.metadata.namespace)
        if let repository = stream.spec.dockerImageRepository, !repository.isEmpty {
            do {
                let spec = try PullSpec.parse(repository)
                if spec.tag != nil { causes.append(.invalid("spec.dockerImageRepository", repository, "the repository name may not contain a tag")) }
                if spec.digest != nil { causes.append(.invalid("spec.dockerImageRepository", repository, "the repository name may not contain an ID")) }
            } catch {
                causes.append(.invalid("spec.dockerImageRepository", repository, error.description))
            }
        }
        var seen = Set<String>()
        for tag in stream.spec.tags ?? [] {
            let field = "spec.tags[\(tag.name)]"
            if !seen.insert(tag.name).inserted { causes.append(KubeStatusCause(reason: "FieldValueDuplicate", message: "Duplicate value: \"\(tag.name)\"", field: field)) }
            causes += tagReference(tag, field: field)
        }
        for list in stream.status.tags ?? [] {
            for (index, item) in (list.items ?? []).enumerated() {
                let field = "status.tags[\(list.tag)].items[\(index)].dockerImageReference"
                if item.dockerImageReference.isEmpty {
                    causes.append(.required(field))
                } else if (try? PullSpec.parse(item.dockerImageReference)) == nil {
                    causes.append(.invalid(field, item.dockerImageReference, "invalid reference format"))
                }
            }
        }
        return causes
    }

    /// `ValidateImageStreamTagReference`. Tag names follow Docker's tag grammar as well
    /// (upstream checks none; a name no registry can serve is a mistake worth reporting).
    public static func tagReference(_ tag: TagReference, field: String) -> [KubeStatusCause] {
        var causes: [KubeStatusCause] = []
        if tag.name.isEmpty {
            causes.append(.required("\(field).name"))
        } else if tag.name.range(of: "^[\\w][\\w.-]{0,127}$", options: .regularExpression) == nil {
            causes.append(.invalid("\(field).name", tag.name, "a tag must match [\\w][\\w.-]{0,127}"))
        }
        if let from = tag.from {
            let name = from.name ?? ""
            switch from.kind ?? "" {
            case "DockerImage":
                if name.isEmpty {
                    causes.append(.required("\(field).from.name"))
                } else if let problem = PullSpec.problem(name) {
                    causes.append(.invalid("\(field).from.name", name, problem))
                }
            case "ImageStreamImage", "ImageStreamTag":
                if name.isEmpty { causes.append(.required("\(field).from.name")) }
                if tag.importPolicy.scheduled == true {
                    causes.append(.invalid("\(field).importPolicy.scheduled", "true", "only tags pointing to Docker repositories may be scheduled for background import"))
                }
            default:
                causes.append(.required("\(field).from.kind", "valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'"))
            }
        }
        let policy = tag.referencePolicy.type
        if policy != TagReferencePolicy.source && policy != TagReferencePolicy.local {
            causes.append(.notSupported("\(field).referencePolicy.type", policy, [TagReferencePolicy.local, TagReferencePolicy.source]))
        }
        causes += importMode(tag.importPolicy, field: "\(field).importPolicy.importMode")
        return causes
    }

    static func importMode(_ policy: TagImportPolicy, field: String) -> [KubeStatusCause] {
        let mode = policy.importMode ?? ""
        guard mode.isEmpty || mode == TagImportPolicy.legacy || mode == TagImportPolicy.preserveOriginal else {
            return [.notSupported(field, mode, [TagImportPolicy.legacy, TagImportPolicy.preserveOriginal])]
        }
        return []
    }

    /// Decode-time defaults upstream applies to every spec tag.
    public static func defaulted(_ tag: TagReference) -> TagReference {
        var tag = tag
        if tag.referencePolicy.type.isEmpty { tag.referencePolicy.type = TagReferencePolicy.source }
        if (tag.importPolicy.importMode ?? "").isEmpty { tag.importPolicy.importMode = TagImportPolicy.legacy }
        return tag
    }
}

import BerthModel

/// `kubectl get is` columns, as OpenShift's printer makes them.
enum ImageStreamTable {
    static let table = ResourceTable(columns: [
        .init("Name", format: "name", description: "Name must be unique within a namespace."),
        .init("Image Repository", description: "The pull spec of the stream's repository."),
        .init("Tags", description: "Tags with images, most recently updated first."),
        .init("Updated", description: "When the most recent tag changed."),
    ]) { object in
        let status = object["status"]
        let repository = [status?["publicDockerImageRepository"]?.stringValue, object["spec"]?["dockerImageRepository"]?.stringValue,
                          status?["dockerImageRepository"]?.stringValue].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let heads: [(String, String)] = (status?["tags"]?.arrayValue ?? []).compactMap { list in
            guard let tag = list["tag"]?.stringValue, let created = list["items"]?.arrayValue?.first?["created"]?.stringValue else { return nil }
            return (tag, created)
        }
        let ordered = heads.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var tags = ""
        var shown = 0
        for (tag, _) in ordered {
            let candidate = tags.isEmpty ? tag : tags + "," + tag
            if candidate.count > 40 && shown > 0 { break }
            tags = candidate
            shown += 1
        }
        if shown < ordered.count { tags += " + \(ordered.count - shown) more..." }
        return [object["metadata"]?["name"] ?? "", .string(repository), .string(tags), .string(KubeTime.ago(ordered.first?.1))]
    }
}

/// Maven coordinates as far as a jar reveals them.
struct MavenArtifact: Sendable, Hashable {
    /// Unknown when only the file name or a bare manifest title was there.
    var groupID: String?
    var artifactID: String
    var version: String

    /// OSV's Maven package name is `groupId:artifactId`; without a groupId
    /// the artifactId alone is the most honest name (it will not match an
    /// advisory, but it still shows in the inventory).
    var packageName: String {
        guard let groupID, !groupID.isEmpty else { return artifactID }
        return "\(groupID):\(artifactID)"
    }

    /// `commons-io-2.11.0.jar` → `commons-io` `2.11.0`. The version starts
    /// at the *last* `-` followed by a digit, so artifact names with digits
    /// (`log4j-1.2-api-2.17.1`) keep them, as in Trivy's pattern.
    init?(fileName: String) {
        var stem = Substring(fileName)
        if let dot = stem.lastIndex(of: ".") { stem = stem[..<dot] }
        var split: Substring.Index?
        var index = stem.startIndex
        while index < stem.endIndex {
            let next = stem.index(after: index)
            if stem[index] == "-", next < stem.endIndex, stem[next].isASCII, stem[next].isNumber, index != stem.startIndex {
                split = index
            }
            index = next
        }
        guard let split else { return nil }
        self.init(groupID: nil, artifactID: String(stem[..<split]), version: String(stem[stem.index(after: split)...]))
    }

    init(groupID: String?, artifactID: String, version: String) {
        self.groupID = groupID
        self.artifactID = artifactID
        self.version = version
    }
}

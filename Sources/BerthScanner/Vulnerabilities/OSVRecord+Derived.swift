/// Views of a record that the store, the matcher and reports share, so each
/// does not re-derive them differently.
extension OSVRecord {
    public var isWithdrawn: Bool { withdrawn != nil }

    /// Every package this record can match, normalised, each once, in the
    /// order of `affected`: what a store indexes the record under.
    public var packageKeys: [OSVPackageKey] {
        var seen = Set<OSVPackageKey>()
        var keys: [OSVPackageKey] = []
        for entry in affected {
            guard let key = entry.package?.key, seen.insert(key).inserted else { continue }
            keys.append(key)
        }
        return keys
    }

    /// The identifier to show a user.
    ///
    /// StackRox (and the people reading its reports) identify vulnerabilities
    /// by CVE, while OSV ids are per publisher (`GHSA-…`, `DSA-…`, `PYSEC-…`,
    /// `RHSA-…`). When the record is not itself a CVE and names one among its
    /// aliases (or, for distro advisories such as Red Hat's, in `upstream`),
    /// that CVE is shown so the same flaw reads the same across feeds.
    public var displayID: String {
        if id.hasPrefix("CVE-") { return id }
        if let cve = aliases.first(where: { $0.hasPrefix("CVE-") }) { return cve }
        if let cve = upstream.first(where: { $0.hasPrefix("CVE-") }), upstream.count == 1 { return cve }
        return id
    }

    /// GHSA's textual rating (`LOW`, `MODERATE`, `HIGH`, `CRITICAL`), which
    /// it keeps in `database_specific` rather than in `severity`.
    public var databaseSeverity: String? {
        databaseSpecific?["severity"]?.stringValue
    }
}

/// Decides whether one version of one package is affected by an advisory,
/// following the osv-schema evaluation algorithm exactly:
///
/// - a version listed in `affected.versions` is affected;
/// - otherwise each `SEMVER` or `ECOSYSTEM` range is evaluated on its own and
///   the results are ORed: events are sorted by version (`introduced: "0"`
///   first, `limit: "*"` last), then walked: `introduced <= v` sets affected,
///   `fixed <= v` and `last_affected < v` clear it; a range with `limit`
///   events additionally requires `v` below one of them;
/// - `GIT` ranges, ranges of unknown type and `ECOSYSTEM` ranges of an
///   ecosystem without a comparator are skipped (commit hashes and unknown
///   orderings cannot be compared with an installed version);
/// - withdrawn records never match.
///
/// `SEMVER` ranges always use SemVer ordering; `ECOSYSTEM` ranges use the
/// ecosystem's own (`OSVEcosystem.versionScheme(for:)`).
public struct OSVMatcher: Sendable {
    public init() {}

    /// The match of `record` for the package `key` at `version`, or nil when
    /// that version is not affected. Every `affected` entry for `key` counts
    /// (publishers sometimes split one package over several entries).
    public func match(_ record: OSVRecord, key: OSVPackageKey, version: String) -> VulnerabilityMatch? {
        guard !record.isWithdrawn else { return nil }
        var isAffected = false
        var fixes: [String] = []
        let scheme = OSVEcosystem.versionScheme(for: key.ecosystem) ?? .semver
        for entry in record.affected where entry.package?.key == key {
            let verdict = evaluate(entry, version: version)
            if verdict.affected {
                isAffected = true
                fixes.append(contentsOf: verdict.fixesAbove)
            }
        }
        guard isAffected else { return nil }
        return VulnerabilityMatch(
            record: record, packageKey: key, version: version, fixedBy: smallest(fixes, scheme: scheme))
    }

    /// Whether `version` of the entry's package is affected.
    public func isAffected(_ entry: OSVAffected, version: String) -> Bool {
        evaluate(entry, version: version).affected
    }

    /// `fixesAbove` holds the `fixed` versions greater than `version` of the
    /// ranges that affect it: a package can be inside the second of two
    /// disjoint ranges, and only that range's fix (or a later one) helps.
    private func evaluate(_ entry: OSVAffected, version: String) -> (affected: Bool, fixesAbove: [String]) {
        var affected = entry.versions.contains(version)
        var fixes: [String] = []
        let ecosystem = entry.package?.ecosystem ?? ""
        for range in entry.ranges {
            let scheme: VersionScheme
            switch range.type {
            case .semver:
                scheme = .semver
            case .ecosystem:
                guard let ecosystemScheme = OSVEcosystem.versionScheme(for: ecosystem) else { continue }
                scheme = ecosystemScheme
            default:
                continue
            }
            let verdict = evaluate(range.events, scheme: scheme, version: version)
            if verdict.affected {
                affected = true
                fixes.append(contentsOf: verdict.fixesAbove)
            }
        }
        return (affected, fixes)
    }

    private func evaluate(
        _ events: [OSVEvent], scheme: VersionScheme, version: String
    ) -> (affected: Bool, fixesAbove: [String]) {
        let sorted = events.enumerated().sorted { lhs, rhs in
            let order = compareEvents(lhs.element, rhs.element, scheme: scheme)
            return order != 0 ? order < 0 : lhs.offset < rhs.offset
        }.map(\.element)

        var affected = false
        var limits: [String] = []
        for event in sorted {
            switch event {
            case .introduced(let introduced):
                if introduced == "0" || scheme.compare(version, introduced) >= 0 { affected = true }
            case .fixed(let fixed):
                if scheme.compare(version, fixed) >= 0 { affected = false }
            case .lastAffected(let last):
                if scheme.compare(version, last) > 0 { affected = false }
            case .limit(let limit):
                limits.append(limit)
            }
        }
        if affected, !limits.isEmpty {
            affected = limits.contains { $0 == "*" || scheme.compare(version, $0) < 0 }
        }
        guard affected else { return (false, []) }
        let fixes = events.compactMap { event -> String? in
            guard case .fixed(let fixed) = event, scheme.compare(fixed, version) > 0 else { return nil }
            return fixed
        }
        return (true, fixes)
    }

    /// Version order with the schema's two sentinels, and `introduced` before
    /// any other event at the same version so `introduced: X, fixed: X`
    /// describes an empty range rather than depending on input order.
    private func compareEvents(_ lhs: OSVEvent, _ rhs: OSVEvent, scheme: VersionScheme) -> Int {
        func rank(_ event: OSVEvent) -> Int {
            switch event {
            case .introduced(let version): version == "0" ? -1 : 0
            case .limit(let version): version == "*" ? 1 : 0
            default: 0
            }
        }
        let (left, right) = (rank(lhs), rank(rhs))
        if left != 0 || right != 0 {
            if left != right { return left < right ? -1 : 1 }
        } else {
            let order = scheme.compare(lhs.version, rhs.version)
            if order != 0 { return order }
        }
        let leftIntroduced = if case .introduced = lhs { true } else { false }
        let rightIntroduced = if case .introduced = rhs { true } else { false }
        if leftIntroduced != rightIntroduced { return leftIntroduced ? -1 : 1 }
        return 0
    }

    private func smallest(_ versions: [String], scheme: VersionScheme) -> String? {
        versions.min { scheme.compare($0, $1) < 0 }
    }
}

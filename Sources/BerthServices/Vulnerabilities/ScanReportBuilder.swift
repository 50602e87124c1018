import BerthModel
import BerthScanner
import Foundation

/// Turns an inventory and its OSV matches into StackRox's `ImageScan`: components with
/// their vulnerabilities, CVSS objects, severities, fixed-by versions and notes.
struct ScanReportBuilder: Sendable {
    static let dataSourceID = "berth-scanner"
    static let dataSourceName = "Berth scanner (OSV)"

    /// The OSV ecosystems of this image that the database holds any record for.
    var coveredEcosystems: Set<String>
    var now = Date()

    func build(inventory: CachedInventory, matches: [PackageVulnerabilities]) -> ImageScan {
        var scan = ImageScan()
        scan.scannerVersion = "\(ScannerVersion.inventory)"
        scan.scanTime = Timestamps.format(now)
        scan.operatingSystem = inventory.operatingSystem?.identifier ?? "unknown"
        var source = DataSource()
        source.id = Self.dataSourceID
        source.name = Self.dataSourceName
        scan.dataSource = source
        scan.components = matches.map(component)
        scan.notes = notes(inventory)
        scan.berthProblems = inventory.problems
        scan.hash = String(Self.hash(scan.components))
        return scan
    }

    func component(_ entry: PackageVulnerabilities) -> EmbeddedImageScanComponent {
        let package = entry.package
        var component = EmbeddedImageScanComponent()
        component.name = package.name
        component.version = package.version
        component.source = package.sourceType.rawValue
        component.location = "/" + package.location
        component.layerIndex = Int32(package.layerIndex)
        if let license = package.license, !license.isEmpty {
            var value = ComponentLicense()
            value.name = license
            component.license = value
        }
        component.priority = "0"
        var byID: [String: EmbeddedVulnerability] = [:]
        for match in entry.matches {
            let vulnerability = self.vulnerability(match)
            if let existing = byID[vulnerability.cve], existing.cvss >= vulnerability.cvss { continue }
            byID[vulnerability.cve] = vulnerability
        }
        component.vulns = byID.values.sorted { $0.cve < $1.cve }
        if !component.vulns.isEmpty {
            component.topCvss = component.vulns.map(\.cvss).max()
            component.riskScore = VulnerabilityRisk.multiplier(component.vulns)
        }
        let scheme = VersionScheme.forFormat(package.format)
        component.fixedBy = component.vulns.compactMap(\.fixedBy).max { scheme.compare($0, $1) < 0 } ?? ""
        return component
    }

    func vulnerability(_ match: VulnerabilityMatch) -> EmbeddedVulnerability {
        let record = match.record
        var vulnerability = EmbeddedVulnerability()
        vulnerability.cve = match.displayID
        vulnerability.summary = record.summary ?? String((record.details ?? "").prefix(500))
        vulnerability.link = Self.link(record)
        vulnerability.fixedBy = match.fixedBy
        vulnerability.publishedOn = record.published.map(Timestamps.format)
        vulnerability.lastModified = Timestamps.format(record.modified)
        vulnerability.vulnerabilityType = "IMAGE_VULNERABILITY"
        vulnerability.vulnerabilityTypes = ["IMAGE_VULNERABILITY"]
        vulnerability.state = "OBSERVED"
        let scores = VulnerabilityScoring(record: record, packageKey: match.packageKey)
        vulnerability.cvssV2 = scores.v2
        vulnerability.cvssV3 = scores.v3
        if let v3 = scores.v3 {
            vulnerability.cvss = v3.score
            vulnerability.scoreVersion = "V3"
        } else if let v2 = scores.v2 {
            vulnerability.cvss = v2.score
            vulnerability.scoreVersion = "V2"
        } else {
            vulnerability.scoreVersion = "V2"
        }
        vulnerability.severity = scores.severity
        return vulnerability
    }

    /// The advisory page a person would open: the record's own ADVISORY reference, else
    /// osv.dev's page for it.
    static func link(_ record: OSVRecord) -> String {
        record.references.first { $0.type == "ADVISORY" }?.url ?? "https://osv.dev/vulnerability/\(record.id)"
    }

    /// The OSV ecosystems these packages are looked up in.
    static func ecosystems(_ packages: [InstalledPackage], _ operatingSystem: OperatingSystem?) -> Set<String> {
        let planner = OSVQueryPlanner()
        return Set(packages.flatMap { planner.lookups(for: $0, operatingSystem: operatingSystem) }.map(\.key.ecosystem))
    }

    /// Notes that tell "nothing found" apart from "nothing could be looked up".
    func notes(_ inventory: CachedInventory) -> [String] {
        var notes: [String] = []
        if inventory.operatingSystem == nil { notes.append("OS_UNAVAILABLE") }
        if !inventory.problems.isEmpty { notes.append("PARTIAL_SCAN_DATA") }
        let osEcosystems = Self.ecosystems(inventory.packages.filter { $0.sourceType == .os }, inventory.operatingSystem)
        if inventory.operatingSystem != nil, !osEcosystems.isEmpty, osEcosystems.isDisjoint(with: coveredEcosystems) {
            notes.append("OS_CVES_UNAVAILABLE")
        }
        let languageEcosystems = Self.ecosystems(inventory.packages.filter { $0.sourceType != .os }, inventory.operatingSystem)
        if !languageEcosystems.isEmpty, languageEcosystems.isDisjoint(with: coveredEcosystems) {
            notes.append("LANGUAGE_CVES_UNAVAILABLE")
        }
        return notes
    }

    /// FNV-1a over what the scan found, so a client can see whether a re-scan changed it.
    static func hash(_ components: [EmbeddedImageScanComponent]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for component in components {
            let text = component.name + "\u{0}" + component.version + "\u{0}" + component.vulns.map { $0.cve + ($0.fixedBy ?? "") }.joined(separator: ",")
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        return hash
    }
}

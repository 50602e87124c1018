import BerthModel
import BerthSearch
import Foundation

/// An image as the search engine sees it: each field's values.
public struct SearchableImage: SearchableDocument, Sendable {
    public var image: Image
    public var priority: Int

    public init(_ image: Image) {
        self.image = image
        self.priority = Int(image.priority) ?? 0
    }

    private var components: [EmbeddedImageScanComponent] { image.scan?.components ?? [] }
    private var vulnerabilities: [EmbeddedVulnerability] { components.flatMap(\.vulns) }

    public func searchValues(for field: SearchField) -> [SearchValue] {
        let v1 = image.metadata?.v1
        func time(_ text: String?) -> [SearchValue] { text.flatMap(Timestamps.parse).map { [.time($0)] } ?? [] }
        func strings(_ values: [String]) -> [SearchValue] { values.map { .string($0) } }
        switch field.label {
        case "Image": return strings(image.names.map(\.fullName))
        case "Image Registry": return strings(image.names.map(\.registry))
        case "Image Remote": return strings(image.names.map(\.remote))
        case "Image Tag": return strings(image.names.map(\.tag).filter { !$0.isEmpty })
        case "Image Sha": return [.string(image.id)]
        case "Image Created Time": return time(v1?.created)
        case "Image User": return v1.map { strings([$0.user].filter { !$0.isEmpty }) } ?? []
        case "Image Command": return strings(v1?.command ?? [])
        case "Image Entrypoint": return strings(v1?.entrypoint ?? [])
        case "Image Volumes": return strings(v1?.volumes ?? [])
        case "Image Label": return v1.map { [.map($0.labels)] } ?? []
        case "Dockerfile Instruction Keyword": return strings(v1?.layers.map(\.instruction) ?? [])
        case "Dockerfile Instruction Value": return strings(v1?.layers.map(\.value) ?? [])
        case "Image CVE Count": return image.cves.map { [.number(Double($0))] } ?? []
        case "Component Count": return image.components.map { [.number(Double($0))] } ?? []
        case "Fixable CVE Count": return image.fixableCves.map { [.number(Double($0))] } ?? []
        case "Last Updated": return time(image.lastUpdated)
        case "Image Risk Priority": return [.number(Double(priority))]
        case "Image Risk Score": return [.number(image.riskScore)]
        case "Image Top CVSS": return image.topCvss.map { [.number($0)] } ?? []
        case "Image Scan Time": return time(image.scan?.scanTime)
        case "Image OS": return image.scan.map { strings([$0.operatingSystem].filter { !$0.isEmpty }) } ?? []
        case "Image Signature Fetched Time": return time(image.signature?["fetched"]?.stringValue)
        case "Image Signature Verified By":
            // The integrations whose verification passed, as StackRox indexes `verifier_id`.
            let results = image.signatureVerificationData?["results"]?.arrayValue ?? []
            return strings(results.filter { $0["status"]?.stringValue == "VERIFIED" }.compactMap { $0["verifierId"]?.stringValue })
        case "Component": return strings(components.map(\.name))
        case "Component Version": return strings(components.map(\.version))
        case "CVE": return strings(vulnerabilities.map(\.cve))
        case "CVSS": return vulnerabilities.map { .number($0.cvss) }
        case "Severity": return strings(vulnerabilities.map(\.severity))
        case "Fixable": return Set(vulnerabilities.map { $0.fixedBy != nil }).map { .bool($0) }
        default:
            return []
        }
    }
}

import BerthModel
import BerthSearch
import Foundation

/// The StackRox search fields over catalogue images (reference §6.3). Fields that come from
/// scans (CVE, Component, Severity …) are declared now and match once the scanner fills scans.
public enum ImageSearch {
    static let severities = [
        "UNKNOWN_VULNERABILITY_SEVERITY", "LOW_VULNERABILITY_SEVERITY", "MODERATE_VULNERABILITY_SEVERITY",
        "IMPORTANT_VULNERABILITY_SEVERITY", "CRITICAL_VULNERABILITY_SEVERITY",
    ]

    public static let fields: [SearchField] = [
        SearchField(label: "Image", type: .string),
        SearchField(label: "Image Registry", type: .string),
        SearchField(label: "Image Remote", type: .string),
        SearchField(label: "Image Tag", type: .string),
        SearchField(label: "Image Sha", type: .string),
        SearchField(label: "Image Created Time", type: .time),
        SearchField(label: "Image User", type: .string),
        SearchField(label: "Image Command", type: .string),
        SearchField(label: "Image Entrypoint", type: .string),
        SearchField(label: "Image Volumes", type: .string),
        SearchField(label: "Image Label", type: .map),
        SearchField(label: "Dockerfile Instruction Keyword", type: .string),
        SearchField(label: "Dockerfile Instruction Value", type: .string),
        SearchField(label: "Image Scan Time", type: .time),
        SearchField(label: "Image OS", type: .string),
        SearchField(label: "Image CVE Count", type: .number),
        SearchField(label: "Component Count", type: .number),
        SearchField(label: "Fixable CVE Count", type: .number),
        SearchField(label: "Last Updated", type: .time),
        SearchField(label: "Image Risk Priority", type: .number),
        SearchField(label: "Image Risk Score", type: .number),
        SearchField(label: "Image Top CVSS", type: .number),
        SearchField(label: "Image Signature Fetched Time", type: .time),
        SearchField(label: "Image Signature Verified By", type: .string),
        SearchField(label: "Component", type: .string),
        SearchField(label: "Component Version", type: .string),
        SearchField(label: "CVE", type: .string),
        SearchField(label: "CVSS", type: .number),
        SearchField(label: "Severity", type: .enumeration(severities)),
        SearchField(label: "Fixable", type: .bool),
    ]

    public static func parse(_ text: String?) throws -> SearchQuery {
        do {
            return try SearchQueryParser.parse(text ?? "", fields: fields)
        } catch {
            throw BerthError.invalid("\(error.message): invalid arguments")
        }
    }
}

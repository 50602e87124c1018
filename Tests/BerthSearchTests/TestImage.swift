import Foundation
@testable import BerthSearch

/// A small image document for the tests: registry, tag, CVE rows, created time, labels.
struct TestImage: SearchableDocument {
    var id: String
    var name: String
    var registry: String
    var tag: String?
    var cves: [String] = []
    var cvss: [Double] = []
    var created: Date?
    var fixable: [Bool] = []
    var severities: [String] = []
    var labels: [String: String]?

    func searchValues(for field: SearchField) -> [SearchValue] {
        switch field.label {
        case "Image": [.string(name)]
        case "Image Registry": [.string(registry)]
        case "Image Tag": tag.map { [.string($0)] } ?? []
        case "CVE": cves.map { .string($0) }
        case "CVSS": cvss.map { .number($0) }
        case "Image Created Time": created.map { [.time($0)] } ?? []
        case "Fixable": fixable.map { .bool($0) }
        case "Severity": severities.map { .enumeration($0) }
        case "Image Label": labels.map { [.map($0)] } ?? []
        default: []
        }
    }

    static let severityNames = [
        "UNKNOWN_VULNERABILITY_SEVERITY", "LOW_VULNERABILITY_SEVERITY", "MODERATE_VULNERABILITY_SEVERITY",
        "IMPORTANT_VULNERABILITY_SEVERITY", "CRITICAL_VULNERABILITY_SEVERITY",
    ]

    static let fields: [SearchField] = [
        SearchField(label: "Image", type: .string),
        SearchField(label: "Image Registry", type: .string),
        SearchField(label: "Image Tag", type: .string),
        SearchField(label: "CVE", type: .string),
        SearchField(label: "CVSS", type: .number),
        SearchField(label: "Image Created Time", type: .time),
        SearchField(label: "Fixable", type: .bool),
        SearchField(label: "Severity", type: .enumeration(severityNames)),
        SearchField(label: "Image Label", type: .map),
    ]

    /// 2023-11-14 22:13:20 UTC.
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let day: TimeInterval = 86_400
    /// 01/02/2006 3:04 PM UTC.
    static let alpineCreated = Date(timeIntervalSince1970: 1_136_214_240)

    static let catalogue: [TestImage] = [
        TestImage(
            id: "nginx", name: "docker.io/library/nginx:1.25", registry: "docker.io", tag: "1.25",
            cves: ["CVE-2021-44228", "CVE-2023-1111"], cvss: [10, 5.5], created: now - 40 * day,
            fixable: [true, false],
            severities: ["CRITICAL_VULNERABILITY_SEVERITY", "MODERATE_VULNERABILITY_SEVERITY"],
            labels: ["app": "web", "tier": "frontend"]
        ),
        TestImage(
            id: "redis", name: "quay.io/redis/redis:latest", registry: "quay.io", tag: "latest",
            cves: ["CVE-2022-0001"], cvss: [7.5], created: now - 3 * day, fixable: [false],
            severities: ["IMPORTANT_VULNERABILITY_SEVERITY"], labels: ["app": "cache"]
        ),
        TestImage(
            id: "alpine", name: "docker.io/library/alpine:3.19", registry: "docker.io", tag: "3.19",
            created: alpineCreated
        ),
        TestImage(
            id: "busybox", name: "gcr.io/google/busybox", registry: "gcr.io", tag: nil,
            cves: ["CVE-2020-9999"], cvss: [3.1], fixable: [true],
            severities: ["LOW_VULNERABILITY_SEVERITY"], labels: ["App": "Web"]
        ),
    ]

    static func field(_ label: String) -> SearchField {
        fields.first { $0.label == label }!
    }

    /// The ids of the catalogue images the query matches, in catalogue order.
    static func ids(matching query: String) throws -> [String] {
        let parsed = try SearchQueryParser.parse(query, fields: fields, now: now)
        return catalogue.filter { parsed.matches($0) }.map(\.id)
    }

    /// One value read for one field, as the parser reads each value of a pair.
    static func predicate(_ value: String, for label: String) throws -> SearchPredicate {
        try SearchQueryParser.predicate(value, field: field(label), now: now)
    }
}

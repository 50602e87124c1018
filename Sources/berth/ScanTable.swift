import BerthModel

/// The human form of a scan: one row per vulnerable component and CVE, then the
/// components without vulnerabilities, aligned in columns.
enum ScanTable {
    static func render(_ image: Image) -> String {
        var rows: [[String]] = [["COMPONENT", "VERSION", "SOURCE", "LAYER", "CVE", "SEVERITY", "CVSS", "FIXED BY"]]
        let components = (image.scan?.components ?? []).sorted { ($0.name, $0.version) < ($1.name, $1.version) }
        for component in components {
            let layer = component.layerIndex.map(String.init) ?? ""
            if component.vulns.isEmpty {
                rows.append([component.name, component.version, component.source, layer, "", "", "", ""])
            }
            for vulnerability in component.vulns {
                let severity = vulnerability.severity.replacingOccurrences(of: "_VULNERABILITY_SEVERITY", with: "")
                rows.append([
                    component.name, component.version, component.source, layer, vulnerability.cve, severity,
                    vulnerability.cvss > 0 ? String(format: "%.1f", vulnerability.cvss) : "", vulnerability.fixedBy ?? "",
                ])
            }
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        lines.insert("image \(image.id)  os \(image.scan?.operatingSystem ?? "unknown")  notes \((image.scan?.notes ?? []).joined(separator: ","))", at: 0)
        return lines.joined(separator: "\n")
    }
}

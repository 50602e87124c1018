import Foundation

/// Names, uids and name validation as apimachinery does them.
public enum KubeNames {
    /// `generateName` suffixes use this alphabet (no vowels, no look-alikes).
    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    public static func generate(prefix: String) -> String {
        prefix + String((0..<5).map { _ in alphabet.randomElement()! })
    }

    public static func uid() -> String { UUID().uuidString.lowercased() }

    /// A uid that is the same every time for one key: for objects that are views (catalogue
    /// images shown as Image objects before anyone stored Kubernetes metadata for them).
    public static func stableUID(for key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 7
        }
        let hex = String(format: "%016llx%016llx", hash, second)
        let characters = Array(hex)
        return "\(String(characters[0..<8]))-\(String(characters[8..<12]))-\(String(characters[12..<16]))-\(String(characters[16..<20]))-\(String(characters[20..<32]))"
    }

    /// Path-segment rules every name follows (`ValidatePathSegmentName`).
    public static func pathSegmentProblems(_ name: String) -> [String] {
        if name == "." || name == ".." { return ["may not be '\(name)'"] }
        var problems: [String] = []
        if name.contains("/") { problems.append("may not contain '/'") }
        if name.contains("%") { problems.append("may not contain '%'") }
        return problems
    }

    /// DNS-1123 label: namespaces.
    public static func isDNSLabel(_ name: String) -> Bool {
        name.count <= 63 && name.range(of: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", options: .regularExpression) != nil
    }

    /// DNS-1123 subdomain: secret names.
    public static func isDNSSubdomain(_ name: String) -> Bool {
        name.count <= 253 && name.range(of: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", options: .regularExpression) != nil
    }
}

import BerthModel
import Foundation

/// StackRox's image risk: a product of multipliers; ``RiskRanks`` turns it into `priority`.
enum ImageRisk {
    static func score(_ image: Image, now: Date = Date()) -> Double {
        var factors: [Double] = []
        if let created = image.metadata?.v1?.created.flatMap(Timestamps.parse) {
            let days = now.timeIntervalSince(created) / 86_400
            if days >= 90 { factors.append(min(1.5, 1 + (days - 90) / 180 * 0.5)) }
        }
        let vulnerabilities = image.scan?.components.flatMap(\.vulns) ?? []
        if !vulnerabilities.isEmpty { factors.append(VulnerabilityRisk.multiplier(vulnerabilities)) }
        return factors.isEmpty ? 0 : factors.reduce(1, *)
    }
}

import BerthModel
import Foundation

/// StackRox's image risk: a product of multipliers, and the dense rank of it among all images
/// (`priority`, 1 = riskiest). Until the scanner fills scans only the freshness multiplier can
/// apply.
enum ImageRisk {
    static func score(_ image: Image, now: Date = Date()) -> Double {
        var factors: [Double] = []
        if let created = image.metadata?.v1?.created.flatMap(Timestamps.parse) {
            let days = now.timeIntervalSince(created) / 86_400
            if days >= 90 { factors.append(min(1.5, 1 + (days - 90) / 180 * 0.5)) }
        }
        return factors.isEmpty ? 0 : factors.reduce(1, *)
    }

    /// Priorities for every image: equal scores share a rank.
    static func priorities(_ scores: [String: Double]) -> [String: Int] {
        let distinct = Array(Set(scores.values)).sorted(by: >)
        var rank: [Double: Int] = [:]
        for (index, score) in distinct.enumerated() { rank[score] = index + 1 }
        return scores.mapValues { rank[$0] ?? distinct.count + 1 }
    }
}

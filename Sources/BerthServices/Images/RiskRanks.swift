/// Dense ranks of risk scores, riskiest first: StackRox's image `priority` (equal scores
/// share a rank, 1 is the riskiest).
struct RiskRanks: Sendable {
    private let rank: [Double: Int]

    init(scores: [Double]) {
        var rank: [Double: Int] = [:]
        for (index, score) in Set(scores).sorted(by: >).enumerated() { rank[score] = index + 1 }
        self.rank = rank
    }

    func priority(of score: Double) -> Int {
        rank[score] ?? rank.count + 1
    }
}

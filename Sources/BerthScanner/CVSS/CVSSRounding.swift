/// The one-decimal rounding NVD uses for v2 scores and for the v3 impact and
/// exploitability subscores it displays (v3 base scores use `Roundup`
/// instead, see `CVSSv3Version.roundUp`). Half-way values go up, as in the
/// v2 guide's `round_to_1_decimal`: `20 × 1.0 × 0.35 × 0.45` is exactly 3.15
/// and NVD shows 3.2.
enum CVSSRounding {
    static func nearestTenth(_ value: Double) -> Double {
        (value * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}

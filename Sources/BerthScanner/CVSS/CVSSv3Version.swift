/// The minor version matters for scoring only through `Roundup`: 3.1 kept
/// every base weight and formula of 3.0 but redefined rounding so that a
/// floating-point result a hair above a tenth is not pushed up a whole tenth.
public enum CVSSv3Version: String, Sendable, Hashable, CaseIterable {
    case v3_0 = "3.0"
    case v3_1 = "3.1"

    /// The smallest one-decimal number not below `value`.
    ///
    /// 3.0 defines it mathematically and FIRST's 3.0 calculator computes it
    /// as `ceil(value × 10) / 10` on doubles, which is what 3.0 scores in the
    /// wild were produced with; so it is reproduced here, errors included.
    /// `5.0 × 0.92` is 4.6000000000000005 in binary floating point, which
    /// that rounds to 4.7.
    ///
    /// 3.1 (specification Appendix A) first rounds to five decimals as an
    /// integer, discarding such noise, then rounds up in integer arithmetic;
    /// the same product gives 4.6.
    public func roundUp(_ value: Double) -> Double {
        switch self {
        case .v3_0:
            return (value * 10).rounded(.up) / 10
        case .v3_1:
            let scaled = Int((value * 100_000).rounded())
            if scaled % 10_000 == 0 { return Double(scaled) / 100_000 }
            return Double(scaled / 10_000 + 1) / 10
        }
    }
}

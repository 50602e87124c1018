/// A metric value spelled by its vector letter(s). The raw value is the
/// spelling so the parser can list what a metric accepts straight from the
/// enum, and an error can never disagree with what parsing allows.
public protocol CVSSMetricValue: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {}

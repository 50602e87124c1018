import BerthJSON

/// Arbitrary JSON from an OSV record (`database_specific`, `ecosystem_specific`), kept verbatim:
/// the engines' shared ``LosslessJSON``, named here for where it comes from.
public typealias OSVJSONValue = LosslessJSON

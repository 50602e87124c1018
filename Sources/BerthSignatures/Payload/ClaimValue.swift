import BerthJSON

/// A claim in the free-form `optional` section of a simple-signing payload.
///
/// Signers put arbitrary claims there and a policy may later compare them, so they are kept
/// typed, integers as integers; the tree is the engines' shared ``LosslessJSON``, named here
/// for what it holds.
public typealias ClaimValue = LosslessJSON

/// How large a request body may be. JSON API objects are small; a larger body is a mistake
/// or an attack, and refusing it early keeps memory bounded.
public enum BodyLimits {
    public static let json = 1 << 20
}

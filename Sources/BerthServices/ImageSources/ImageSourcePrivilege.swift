/// The three ACL privileges of Cycle.
public enum ImageSourcePrivilege: String, Sendable {
    case view, modify, manage
}

/// The version Berth reports in `/openapi.json`, `/version` and `berth --version`.
public enum BerthVersion {
    public static let current = "0.1.0"
}

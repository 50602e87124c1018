import BerthRegistry

/// Which hosts an integration may point at.
///
/// StackRox refuses loopback and cloud-metadata endpoints: a stored integration is a request
/// the server makes on the caller's behalf, and those addresses would let a caller reach the
/// server's own host. Berth keeps the metadata ban always and the loopback ban by default;
/// `--allow-loopback-endpoints` lifts the latter for a registry on the same machine.
///
/// `egressAllowList`, when set, is the complete list of hosts Berth may contact for an
/// integration (`--egress-allow`): for locked-down networks, and for fuzzing the API without
/// the fuzzer's random endpoints leaving the machine.
public struct EndpointPolicy: Sendable {
    public var allowLoopback: Bool
    public var egressAllowList: Set<String>?

    public init(allowLoopback: Bool, egressAllowList: Set<String>? = nil) {
        self.allowLoopback = allowLoopback
        self.egressAllowList = egressAllowList.map { Set($0.map { $0.lowercased() }) }
    }

    /// The reason the endpoint is refused, or nil.
    public func violation(_ endpoint: String) -> String? {
        guard !endpoint.isEmpty else { return nil }
        var host = endpoint.lowercased()
        for scheme in ["http://", "https://"] where host.hasPrefix(scheme) { host.removeFirst(scheme.count) }
        if let parsed = try? RegistryEndpoint.parse(host, insecure: false) { host = parsed.host }
        if host == "169.254.169.254" || host == "metadata.google.internal" || host.hasPrefix("metadata.google.internal") {
            return "invalid endpoint: endpoint cannot reference the cluster metadata service"
        }
        if !allowLoopback, Self.isLoopback(host) {
            return "invalid endpoint: endpoint cannot reference localhost (start Berth with --allow-loopback-endpoints to allow it)"
        }
        if let allowed = egressAllowList, !allowed.contains(host) {
            return "invalid endpoint: host \"\(host)\" is not in the hosts this server may contact (--egress-allow)"
        }
        return nil
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1" || host == "0.0.0.0"
            || host == "0:0:0:0:0:0:0:1"
    }
}

import Foundation

/// Where a registry's Distribution API lives: scheme, host, optional port.
///
/// Integration endpoints are written loosely (`quay.io`, `https://reg:5000`, `reg/v2/`);
/// this is the one place they are made precise.
public struct RegistryEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?

    public init(scheme: String, host: String, port: Int?) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `insecure` selects plain HTTP when the endpoint names no scheme; an explicit scheme wins.
    public static func parse(_ text: String, insecure: Bool) throws(EndpointError) -> RegistryEndpoint {
        var rest = text.trimmingCharacters(in: .whitespaces)
        var scheme = insecure ? "http" : "https"
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = String(rest[range.upperBound...])
            guard scheme == "http" || scheme == "https" else {
                throw EndpointError("endpoint \"\(text)\" has scheme \"\(scheme)\"; use http, https or no scheme")
            }
        }
        // A trailing path (`/v2/`, `/org`) names no other API root: the Distribution API is
        // always at /v2/ of the host.
        let hostPort = String(rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        guard !hostPort.isEmpty else { throw EndpointError("endpoint \"\(text)\" names no host") }
        var host = hostPort
        var port: Int?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw EndpointError("endpoint \"\(text)\" has an unclosed IPv6 bracket") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { port = try parsePort(String(after.dropFirst()), in: text) }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            port = try parsePort(String(hostPort[hostPort.index(after: colon)...]), in: text)
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:")
        guard !host.isEmpty, host.allSatisfy({ allowed.contains($0) }) else {
            throw EndpointError("endpoint \"\(text)\" has an invalid host \"\(host)\"")
        }
        return RegistryEndpoint(scheme: scheme, host: host.lowercased(), port: port)
    }

    private static func parsePort(_ text: String, in endpoint: String) throws(EndpointError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw EndpointError("endpoint \"\(endpoint)\" has an invalid port \"\(text)\"")
        }
        return port
    }

    /// `host[:port]` as image references name the registry.
    public var authority: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(h):\($0)" } ?? h
    }

    public var baseURL: String { "\(scheme)://\(authority)" }

    public var description: String { baseURL }
}

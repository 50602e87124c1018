/// How Cycle's registry origins name an image: the registry in `url` (scheme optional), the
/// repository and tag in `target`, which may repeat the registry host or not.
public enum RegistryTarget {
    /// `https://registry.example.com:5000/v2/` → `registry.example.com:5000`.
    public static func host(fromURL url: String) -> String {
        var host = url
        for scheme in ["https://", "http://"] where host.lowercased().hasPrefix(scheme) { host.removeFirst(scheme.count) }
        while host.hasSuffix("/") { host.removeLast() }
        if host.lowercased().hasSuffix("/v2") { host.removeLast(3) }
        return host
    }

    public static func join(url: String, target: String) -> String {
        let host = host(fromURL: url)
        guard !host.isEmpty else { return target }
        return target.hasPrefix(host + "/") ? target : host + "/" + target
    }
}

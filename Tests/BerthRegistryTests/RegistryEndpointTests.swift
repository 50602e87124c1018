import BerthRegistry
import Testing

@Suite("Registry endpoints")
struct RegistryEndpointTests {
    @Test(arguments: [
        ("quay.io", false, "https://quay.io"),
        ("quay.io", true, "http://quay.io"),
        ("https://reg.example.com:5000/", true, "https://reg.example.com:5000"),
        ("http://127.0.0.1:5000/v2/", false, "http://127.0.0.1:5000"),
        ("Registry.Example.com/org/path", false, "https://registry.example.com"),
        ("[::1]:5000", true, "http://[::1]:5000"),
    ])
    func parses(text: String, insecure: Bool, url: String) throws {
        #expect(try RegistryEndpoint.parse(text, insecure: insecure).baseURL == url)
    }

    @Test(arguments: [
        ("", "names no host"),
        ("ftp://reg", "scheme \"ftp\""),
        ("reg:0", "invalid port"),
        ("reg:http", "invalid port"),
        ("reg ist.ry", "invalid host"),
        ("[::1:5000", "unclosed IPv6"),
    ])
    func refuses(text: String, message: String) {
        #expect {
            _ = try RegistryEndpoint.parse(text, insecure: false)
        } throws: { error in
            (error as? EndpointError)?.message.contains(message) == true
        }
    }
}

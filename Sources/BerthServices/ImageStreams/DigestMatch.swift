/// `DigestOrImageMatch`: a short hex prefix, a `sha256:`-prefixed prefix and a full digest all
/// name an image.
enum DigestMatch {
    static func matches(image: String, id: String) -> Bool {
        guard !id.isEmpty else { return false }
        if let colon = image.firstIndex(of: ":"), image[image.index(after: colon)...].hasPrefix(id) { return true }
        return image.hasPrefix(id)
    }
}

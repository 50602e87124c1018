/// The tag of a pull spec, for defaulting an import's target tag.
enum PullSpecTag {
    static func of(_ text: String) -> String? {
        (try? PullSpec.parse(text))?.tag
    }
}

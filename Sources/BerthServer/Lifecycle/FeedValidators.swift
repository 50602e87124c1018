/// What the feed server said about the last version we imported, so an unchanged feed is
/// answered with 304 and not imported again.
struct FeedValidators: Sendable {
    var etag: String?
    var lastModified: String?
}

import BerthModel

/// One image as the importer found it: the OpenShift view for the response, and what the
/// catalogue needs to record it.
struct ImportOutcome: Sendable {
    var image: OpenShiftImage
    var fetched: FetchedImage
    var record: OpenShiftImageRecord
    var name: ImageName
    var digest: String
    var children: [ImportOutcome] = []
}

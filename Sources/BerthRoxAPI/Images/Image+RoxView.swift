import BerthModel

extension Image {
    /// The image as StackRox clients expect it: protojson clients reject unknown fields, so
    /// Berth's OpenShift facts and per-signature verdicts stay out of this dialect.
    var roxView: Image {
        var image = self
        image.openShift = nil
        image.verifiedSignatures = nil
        return image
    }
}

/// Names of the `image.openshift.io` group, shared by every kind.
public enum ImageAPI {
    public static let group = "image.openshift.io"
    public static let version = "v1"
    public static let apiVersion = "image.openshift.io/v1"
}

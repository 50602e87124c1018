/// Identifies what the layer analyzers can find. A cached inventory from an older
/// version is read again from the layers, because a new analyzer may find more in them.
public enum ScannerVersion {
    public static let inventory = "berth-inventory-1"
}

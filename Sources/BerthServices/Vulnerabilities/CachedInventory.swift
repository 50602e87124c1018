import BerthScanner
import Foundation

/// What the layers of one image manifest contain, kept by manifest digest so that a re-scan
/// (a new vulnerability database, a second tag of the same image) matches again without
/// fetching a single layer.
struct CachedInventory: Sendable, Codable {
    var scannerVersion: String
    var digest: String
    var packages: [InstalledPackage]
    var operatingSystem: OperatingSystem?
    var problems: [String]
    var layers: Int
}

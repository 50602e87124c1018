/// The kind of package manager a component came from, spelled like StackRox's
/// `StorageSourceType` so the service layer can copy it into a scan unchanged.
public enum SourceType: String, Sendable, Codable, Hashable, CaseIterable {
    case os = "OS"
    case python = "PYTHON"
    case java = "JAVA"
    case ruby = "RUBY"
    case nodejs = "NODEJS"
    case go = "GO"
    case dotnetCoreRuntime = "DOTNETCORERUNTIME"
    case infrastructure = "INFRASTRUCTURE"
}

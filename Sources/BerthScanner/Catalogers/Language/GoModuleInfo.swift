/// The module-info text of a Go binary, parsed like Go's
/// `runtime/debug.ParseBuildInfo`.
///
/// Unlike Go, a malformed line is skipped rather than failing the whole
/// text: one odd line should not hide every other dependency from a scan.
public struct GoModuleInfo: Sendable, Hashable {
    /// The main package's import path (`path` line).
    public var path: String = ""
    public var main: GoModule?
    /// Set when a `=>` line follows the `mod` line; Go allows it there too.
    public var mainReplacement: GoModule?
    public var dependencies: [GoDependency] = []
    /// `build` lines in order (`-compiler=gc`, `GOARCH=amd64`, `vcs.revision=…`).
    public var settings: [(key: String, value: String)] = []

    public init(parsing text: String) {
        enum Last { case none, main, dependency }
        var last = Last.none
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let rest = line.dropPrefix("path\t") {
                path = String(rest)
            } else if let rest = line.dropPrefix("mod\t") {
                guard let module = Self.module(rest) else { last = .none; continue }
                main = module
                last = .main
            } else if let rest = line.dropPrefix("dep\t") {
                guard let module = Self.module(rest) else { last = .none; continue }
                dependencies.append(GoDependency(module: module))
                last = .dependency
            } else if let rest = line.dropPrefix("=>\t") {
                guard let module = Self.module(rest) else { last = .none; continue }
                switch last {
                case .main: mainReplacement = module
                case .dependency: dependencies[dependencies.count - 1].replacement = module
                case .none: break
                }
                last = .none
            } else if let rest = line.dropPrefix("build\t") {
                if let setting = Self.setting(rest) { settings.append(setting) }
            }
        }
    }

    public func setting(_ key: String) -> String? {
        settings.last { $0.key == key }?.value
    }

    /// `<path>\t<version>[\t<sum>]`; a directory replacement has an empty
    /// version column.
    private static func module(_ columns: Substring) -> GoModule? {
        let fields = columns.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 1, !fields[0].isEmpty else { return nil }
        return GoModule(
            path: String(fields[0]),
            version: fields.count > 1 ? String(fields[1]) : "",
            sum: fields.count > 2 ? String(fields[2]) : ""
        )
    }

    /// `key=value`, where Go quotes a key or value holding spaces, tabs,
    /// quotes or `=` (`-ldflags="-s -w"`).
    private static func setting(_ text: Substring) -> (key: String, value: String)? {
        var rest = text
        guard let key = quotedOrPlain(&rest, stopAt: "="), rest.first == "=" else { return nil }
        rest = rest.dropFirst()
        let value = rest.first == "\"" ? (quotedOrPlain(&rest, stopAt: nil) ?? String(rest)) : String(rest)
        return key.isEmpty ? nil : (key, value)
    }

    private static func quotedOrPlain(_ text: inout Substring, stopAt stop: Character?) -> String? {
        guard text.first == "\"" else {
            guard let stop else {
                let all = String(text)
                text = text[text.endIndex...]
                return all
            }
            guard let index = text.firstIndex(of: stop) else { return nil }
            let plain = String(text[..<index])
            text = text[index...]
            return plain
        }
        var result = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                text = text[text.index(after: index)...]
                return result
            }
            if character == "\\", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
                switch text[index] {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(text[index])
                }
            } else {
                result.append(character)
            }
            index = text.index(after: index)
        }
        return nil
    }

    public static func == (lhs: GoModuleInfo, rhs: GoModuleInfo) -> Bool {
        lhs.path == rhs.path && lhs.main == rhs.main && lhs.mainReplacement == rhs.mainReplacement
            && lhs.dependencies == rhs.dependencies
            && lhs.settings.elementsEqual(rhs.settings) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(main)
        hasher.combine(mainReplacement)
        hasher.combine(dependencies)
        for setting in settings {
            hasher.combine(setting.key)
            hasher.combine(setting.value)
        }
    }
}

private extension Substring {
    func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}

/// Maven's version ordering, a port of `ComparableVersion` from
/// maven-artifact 3.9 (with the MNG-6964, MNG-7644 and MNG-7714 fixes), the
/// order Maven itself and OSV `Maven` ranges use.
///
/// The version is lowercased and split into items at `.`, at `-` and at
/// every switch between digits and letters. A `-`, a letter-to-digit switch
/// and (since MNG-7644) a qualifier after a `.` each open a nested list, so
/// `1-1 < 1.1` and `1.0.0.RC1 == 1.0.0-RC1`. "Null" items (`0`, empty
/// lists) are trimmed from the end of every list, which makes
/// `1 == 1.0 == 1-0`, and dropped right before a qualifier, which makes
/// `1.0-sp1 == 1-sp1`.
///
/// Items compare as follows:
/// - numbers by value, and above everything else at the same position;
/// - qualifiers `alpha < beta < milestone < rc == cr < snapshot < "" == ga ==
///   final == release < sp`, then any other qualifier, alphabetically; `a`,
///   `b` and `m` directly followed by a digit mean alpha, beta, milestone
///   (`1a1 == 1-alpha-1`, while `1-a` is the unknown qualifier "a");
/// - a nested list below a number and above a qualifier;
/// - a missing item like the release: `1-rc < 1 < 1-sp`, `1 < 1.1`.
///
/// Every string is a valid Maven version, so there is no fallback. Only
/// ASCII digits count as digits (Java's `Character.isDigit` also accepts
/// other scripts' digits, which Maven coordinates never use).
public enum MavenVersion {
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        Item.compare(.list(parse(lhs)), .list(parse(rhs)))
    }

    private indirect enum Item {
        /// Digits with leading zeros removed.
        case number([UInt8])
        case qualifier(String)
        case list([Item])

        /// Trimmed away at the end of a list: 0, the empty qualifier and the
        /// empty list. `ga`/`final`/`release` equal "" but are not null
        /// (MNG-7714), so `1.0.final-x` keeps its position.
        var isNull: Bool {
            switch self {
            case .number(let digits): digits.isEmpty
            case .qualifier(let value): value.isEmpty
            case .list(let items): items.isEmpty
            }
        }

        /// `Item.compareTo`, where `nil` stands for a position the other
        /// version does not have.
        static func compare(_ lhs: Item, _ rhs: Item?) -> Int {
            switch (lhs, rhs) {
            case let (.number(a), nil):
                return a.isEmpty ? 0 : 1
            case let (.number(a), .number(b)?):
                return VersionText.compareNumeric(a[...], b[...])
            case (.number, _?):
                return 1
            case let (.qualifier(a), nil):
                return Qualifier(a).compare(Qualifier.release)
            case let (.qualifier(a), .qualifier(b)?):
                return Qualifier(a).compare(Qualifier(b))
            case (.qualifier, _?):
                return -1
            case let (.list(items), nil):
                for item in items {
                    let result = compare(item, nil)
                    if result != 0 { return result }
                }
                return 0
            case (.list, .number?):
                return -1
            case (.list, .qualifier?):
                return 1
            case let (.list(a), .list(b)?):
                for index in 0..<max(a.count, b.count) {
                    let result: Int
                    if index < a.count {
                        result = compare(a[index], index < b.count ? b[index] : nil)
                    } else {
                        result = -compare(b[index], nil)
                    }
                    if result != 0 { return result }
                }
                return 0
            }
        }
    }

    /// `StringItem.comparableQualifier`: known qualifiers by rank, unknown
    /// ones after all of them and alphabetically among themselves.
    private struct Qualifier {
        var rank: Int
        var text: [UInt16]

        static let known = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"]
        static let releaseRank = 5
        static let release = Qualifier(rank: releaseRank, text: [])

        init(rank: Int, text: [UInt16]) {
            self.rank = rank
            self.text = text
        }

        init(_ value: String) {
            if ["ga", "final", "release"].contains(value) {
                self.init(rank: Self.releaseRank, text: [])
            } else if let index = Self.known.firstIndex(of: value) {
                self.init(rank: index, text: [])
            } else {
                // Java compares these as UTF-16 strings.
                self.init(rank: Self.known.count, text: Array(value.utf16))
            }
        }

        func compare(_ other: Qualifier) -> Int {
            if rank != other.rank { return rank < other.rank ? -1 : 1 }
            if text.lexicographicallyPrecedes(other.text) { return -1 }
            return text == other.text ? 0 : 1
        }
    }

    /// `parseVersion`. Parsing only ever descends into the newest sub-list,
    /// so the tree is a chain of lists, each one the last item of its
    /// parent; it is kept as a stack and folded up from the deepest list,
    /// normalising each on the way as Maven does.
    private static func parse(_ version: String) -> [Item] {
        let characters = Array(version.lowercased().unicodeScalars)
        var stack: [[Item]] = [[]]
        var isDigit = false
        var start = 0

        func text(_ range: Range<Int>) -> String {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: characters[range])
            return String(scalars)
        }
        func item(digits: Bool, _ range: Range<Int>) -> Item {
            if digits {
                return .number(Array(text(range).utf8).drop(while: { $0 == VersionText.zero }).map { $0 })
            }
            return qualifier(text(range), followedByDigit: false)
        }
        func append(_ item: Item) { stack[stack.count - 1].append(item) }
        func nest() { stack.append([]) }
        var currentIsEmpty: Bool { stack[stack.count - 1].isEmpty }

        for (index, character) in characters.enumerated() {
            if character == "." || character == "-" {
                append(index == start ? .number([]) : item(digits: isDigit, start..<index))
                start = index + 1
                if character == "-" { nest() }
            } else if character.isASCII && VersionText.isDigit(UInt8(character.value)) {
                if !isDigit && index > start {
                    // 1.0.0.X1 < 1.0.0-X2: a qualifier after a dot nests like one after a hyphen.
                    if !currentIsEmpty { nest() }
                    append(qualifier(text(start..<index), followedByDigit: true))
                    start = index
                    nest()
                }
                isDigit = true
            } else {
                if isDigit && index > start {
                    append(item(digits: true, start..<index))
                    start = index
                    nest()
                }
                isDigit = false
            }
        }
        if characters.count > start {
            if !isDigit && !currentIsEmpty { nest() }
            append(item(digits: isDigit, start..<characters.count))
        }

        var child: [Item]?
        while var list = stack.popLast() {
            if let child { list.append(.list(child)) }
            normalize(&list)
            child = list
        }
        return child ?? []
    }

    private static func qualifier(_ value: String, followedByDigit: Bool) -> Item {
        var value = value
        if followedByDigit {
            switch value {
            case "a": value = "alpha"
            case "b": value = "beta"
            case "m": value = "milestone"
            default: break
            }
        }
        return .qualifier(value == "cr" ? "rc" : value)
    }

    /// `ListItem.normalize` as fixed for MNG-7714: a null item goes when it
    /// is last (so trailing zeros vanish one after another) or when a
    /// qualifier, or a nested list opening with one, follows it (so
    /// `1.0.final-x` reads as `1.final-x` and `1.0-sp1` as `1-sp1`, and the
    /// two compare qualifier against qualifier).
    private static func normalize(_ list: inout [Item]) {
        var index = list.count - 1
        while index >= 0 {
            if list[index].isNull {
                let isLast = index == list.count - 1
                var beforeQualifier = false
                if !isLast {
                    switch list[index + 1] {
                    case .qualifier: beforeQualifier = true
                    case .list(let items): if case .qualifier? = items.first { beforeQualifier = true }
                    case .number: break
                    }
                }
                if isLast || beforeQualifier { list.remove(at: index) }
            }
            index -= 1
        }
    }
}

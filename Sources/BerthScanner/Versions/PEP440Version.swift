/// Python's version ordering, PEP 440 as implemented by `packaging.version`
/// (the library pip uses), so PyPI advisories (OSV `PyPI`) rank a wheel's
/// version the way pip would.
///
/// Parsing accepts everything the PEP's normalisation rules allow, not just
/// canonical spellings, because installed metadata carries whatever the
/// author typed: case-insensitive; surrounding whitespace and a leading `v`
/// ignored; `alpha`/`beta` for `a`/`b` and `c`/`pre`/`preview` for `rc`;
/// `-`, `_` or `.` (or nothing) between segments; a missing pre, post or dev
/// number is 0; `1.0-1` is `1.0.post1` and `rev`/`r` spell `post`; `N!`
/// epochs; `+local` labels with any of the three separators.
///
/// Ordering, from the PEP: epoch first; then the release, padded with zeros
/// (`1.0 == 1.0.0`); then, within one release,
/// `.devN < aN.devM < aN < aN.postM.devK < aN.postM < bN < rcN < (final) <
/// .postN.devM < .postN`; a local label sorts after the same public version,
/// its segments compared pairwise with numbers above strings.
///
/// Fallback: a string that is not a PEP 440 version at all sorts before
/// every valid one (as `packaging`'s old `LegacyVersion` did), and such
/// strings order among themselves bytewise.
public enum PEP440Version {
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        switch (Parsed(lhs), Parsed(rhs)) {
        case let (a?, b?): return a.compare(b)
        case (nil, _?): return -1
        case (_?, nil): return 1
        case (nil, nil): return VersionText.compareBytes(Array(lhs.utf8), Array(rhs.utf8))
        }
    }

    /// `a`, `b` and `rc` in their sort order.
    private enum PreKind: Int {
        case alpha, beta, candidate
    }

    /// A local label segment: numeric ones are newer than alphabetic ones.
    private enum LocalSegment {
        case number(ArraySlice<UInt8>)
        case text(ArraySlice<UInt8>)

        func compare(_ other: LocalSegment) -> Int {
            switch (self, other) {
            case let (.number(a), .number(b)): VersionText.compareNumeric(a, b)
            case let (.text(a), .text(b)): VersionText.compareBytes(a, b)
            case (.number, .text): 1
            case (.text, .number): -1
            }
        }
    }

    private struct Parsed {
        var epoch: ArraySlice<UInt8> = []
        var release: [ArraySlice<UInt8>] = []
        var pre: (kind: PreKind, number: ArraySlice<UInt8>)?
        var post: ArraySlice<UInt8>?
        var dev: ArraySlice<UInt8>?
        var local: [LocalSegment]?

        init?(_ string: String) {
            let lowered = Array(string.utf8).map { byte -> UInt8 in
                byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            }
            var scanner = Scanner(VersionText.trimmed(lowered))
            _ = scanner.take("v")

            let mark = scanner.position
            let epochDigits = scanner.digits()
            if !epochDigits.isEmpty && scanner.take("!") {
                epoch = epochDigits
            } else {
                scanner.position = mark
            }

            let first = scanner.digits()
            guard !first.isEmpty else { return nil }
            release = [first]
            while scanner.peek(0) == UInt8(ascii: "."), let next = scanner.peek(1), VersionText.isDigit(next) {
                scanner.position += 1
                release.append(scanner.digits())
            }

            let beforePre = scanner.position
            scanner.separator()
            if let kind = scanner.preKind() {
                scanner.separator()
                pre = (kind, scanner.digits())
            } else {
                scanner.position = beforePre
            }

            let beforePost = scanner.position
            if scanner.peek(0) == UInt8(ascii: "-"), let next = scanner.peek(1), VersionText.isDigit(next) {
                scanner.position += 1
                post = scanner.digits()
            } else {
                scanner.separator()
                if scanner.take("post") || scanner.take("rev") || scanner.take("r") {
                    scanner.separator()
                    post = scanner.digits()
                } else {
                    scanner.position = beforePost
                }
            }

            let beforeDev = scanner.position
            scanner.separator()
            if scanner.take("dev") {
                scanner.separator()
                dev = scanner.digits()
            } else {
                scanner.position = beforeDev
            }

            if scanner.take("+") {
                var segments: [LocalSegment] = []
                repeat {
                    let segment = scanner.span(VersionText.isAlphanumeric)
                    guard !segment.isEmpty else { return nil }
                    segments.append(segment.allSatisfy(VersionText.isDigit) ? .number(segment) : .text(segment))
                } while scanner.separator()
                local = segments
            }
            guard scanner.atEnd else { return nil }
        }

        func compare(_ other: Parsed) -> Int {
            var result = VersionText.compareNumeric(epoch, other.epoch)
            if result != 0 { return result }
            for index in 0..<max(release.count, other.release.count) {
                let a = index < release.count ? release[index] : []
                let b = index < other.release.count ? other.release[index] : []
                result = VersionText.compareNumeric(a, b)
                if result != 0 { return result }
            }
            result = Self.compareKeys(preKey, other.preKey)
            if result != 0 { return result }
            result = Self.compareKeys(postKey, other.postKey)
            if result != 0 { return result }
            result = Self.compareKeys(devKey, other.devKey)
            if result != 0 { return result }
            return compareLocal(other)
        }

        /// `packaging`'s sort key for the pre-release: a bare `.devN` goes
        /// below every pre-release, no pre-release at all goes above them.
        private var preKey: SortKey {
            if let pre { return .value(pre.kind.rawValue, pre.number) }
            return post == nil && dev != nil ? .lowest : .highest
        }

        private var postKey: SortKey { post.map { .value(0, $0) } ?? .lowest }
        private var devKey: SortKey { dev.map { .value(0, $0) } ?? .highest }

        private func compareLocal(_ other: Parsed) -> Int {
            switch (local, other.local) {
            case (nil, nil): return 0
            case (nil, _?): return -1
            case (_?, nil): return 1
            case let (a?, b?):
                for (x, y) in zip(a, b) {
                    let result = x.compare(y)
                    if result != 0 { return result }
                }
                return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
            }
        }

        private enum SortKey {
            case lowest
            case value(Int, ArraySlice<UInt8>)
            case highest

            var rank: Int {
                switch self {
                case .lowest: 0
                case .value: 1
                case .highest: 2
                }
            }
        }

        private static func compareKeys(_ a: SortKey, _ b: SortKey) -> Int {
            if case let .value(ka, na) = a, case let .value(kb, nb) = b {
                if ka != kb { return ka < kb ? -1 : 1 }
                return VersionText.compareNumeric(na, nb)
            }
            return a.rank == b.rank ? 0 : (a.rank < b.rank ? -1 : 1)
        }
    }

    /// A cursor over the lowercased bytes. Each optional part of the PEP's
    /// regular expression is tried greedily and rewound when it does not
    /// match; greedy is safe here because every later part may start with
    /// the separator an earlier part swallowed.
    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var position: Int

        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        var atEnd: Bool { position >= bytes.endIndex }

        func peek(_ offset: Int) -> UInt8? {
            position + offset < bytes.endIndex ? bytes[position + offset] : nil
        }

        mutating func take(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.endIndex else { return false }
            let matches = literal.withUTF8Buffer { buffer in
                buffer.elementsEqual(bytes[position..<(position + count)])
            }
            if matches { position += count }
            return matches
        }

        mutating func span(_ allowed: (UInt8) -> Bool) -> ArraySlice<UInt8> {
            let start = position
            while let c = peek(0), allowed(c) { position += 1 }
            return bytes[start..<position]
        }

        mutating func digits() -> ArraySlice<UInt8> { span(VersionText.isDigit) }

        /// An optional `-`, `_` or `.`; reports whether one was there.
        @discardableResult
        mutating func separator() -> Bool {
            guard let c = peek(0), c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") else {
                return false
            }
            position += 1
            return true
        }

        /// The pre-release spellings in the PEP regex's alternation order,
        /// longest first where one is a prefix of another.
        mutating func preKind() -> PreKind? {
            if take("alpha") || take("a") { return .alpha }
            if take("beta") || take("b") { return .beta }
            if take("preview") || take("pre") || take("c") || take("rc") { return .candidate }
            return nil
        }
    }
}

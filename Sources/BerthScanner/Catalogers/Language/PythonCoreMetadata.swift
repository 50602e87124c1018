import Foundation

/// The header block of a Python core-metadata file (`METADATA`, `PKG-INFO`).
///
/// The format is RFC 822 email headers; everything after the first blank
/// line is the long description, which can itself contain `Name:`-looking
/// lines, so parsing must stop there rather than scan the whole file.
struct PythonCoreMetadata: Sendable {
    /// Field name (as written) to values in file order; fields such as
    /// `Classifier` repeat.
    private(set) var fields: [(name: String, value: String)] = []

    init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    init(parsing data: Data) {
        // Metadata is UTF-8 by spec; older sdists wrote Latin-1. Lossy
        // decoding keeps the ASCII Name/Version readable either way.
        let text = String(decoding: data, as: UTF8.self)
        var fields: [(name: String, value: String)] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { break }
            if let first = line.first, first == " " || first == "\t" {
                // A folded continuation: the writer (email.generator or the
                // old distutils `\n        |` style) indented it.
                guard !fields.isEmpty else { continue }
                var continuation = line.drop(while: { $0 == " " || $0 == "\t" })
                if continuation.hasPrefix("|") { continuation = continuation.dropFirst() }
                fields[fields.count - 1].value += "\n" + continuation
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            fields.append((name, value))
        }
        self.fields = fields
    }

    /// Header names are case-insensitive in the email format.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    func value(_ name: String) -> String? {
        values(name).first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The best single license string. `License-Expression` (metadata 2.4)
    /// is an SPDX expression, the most precise; `License` is free text that
    /// some projects fill with the whole license body, which is useless as a
    /// label, so long or multi-line values give way to the trove classifiers.
    var license: String? {
        if let expression = value("License-Expression") { return expression }
        if let license = value("License"), license.uppercased() != "UNKNOWN",
           !license.contains("\n"), license.count <= 100 {
            return license
        }
        let classifiers = values("Classifier").compactMap { classifier -> String? in
            let parts = classifier.components(separatedBy: "::").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, parts[0] == "License", let last = parts.last,
                  !last.isEmpty, last != "OSI Approved" else { return nil }
            return last
        }
        // Several classifiers may mean "all apply" or "pick one"; the comma
        // claims neither.
        var seen = Set<String>()
        let unique = classifiers.filter { seen.insert($0).inserted }
        return unique.isEmpty ? nil : unique.joined(separator: ", ")
    }
}

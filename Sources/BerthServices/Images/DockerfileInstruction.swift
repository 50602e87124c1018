/// Recovers the Dockerfile instruction behind a config history entry's `created_by`.
///
/// Builders write it in several dialects: the classic builder (`/bin/sh -c #(nop)  CMD [...]`
/// for metadata, `/bin/sh -c <command>` for RUN), BuildKit (`RUN /bin/sh -c … # buildkit`,
/// `COPY x /y # buildkit`), and build args (`|2 A=1 B=2 /bin/sh -c …`).
enum DockerfileInstruction {
    static let keywords: Set<String> = [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ]

    static func parse(_ createdBy: String) -> (instruction: String, value: String) {
        var text = createdBy.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("# buildkit") {
            text = String(text.dropLast("# buildkit".count)).trimmingCharacters(in: .whitespaces)
        }
        // Build args prefix: "|N K=V … <command>".
        if text.hasPrefix("|"), let space = text.firstIndex(of: " "), Int(text[text.index(after: text.startIndex)..<space]) != nil {
            var rest = text[text.index(after: space)...]
            while let next = rest.firstIndex(of: " "), rest[..<next].contains("=") {
                rest = rest[rest.index(after: next)...]
            }
            text = String(rest)
        }
        for shell in ["/bin/sh -c #(nop) ", "/bin/sh -c #(nop)"] where text.hasPrefix(shell) {
            return keywordSplit(String(text.dropFirst(shell.count)).trimmingCharacters(in: .whitespaces), fallback: "RUN")
        }
        if text.hasPrefix("/bin/sh -c ") {
            return ("RUN", String(text.dropFirst("/bin/sh -c ".count)).trimmingCharacters(in: .whitespaces))
        }
        return keywordSplit(text, fallback: "")
    }

    private static func keywordSplit(_ text: String, fallback: String) -> (String, String) {
        let first = text.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        if keywords.contains(first.uppercased()) {
            let value = text.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
            return (first.uppercased(), value)
        }
        return (fallback, text)
    }
}

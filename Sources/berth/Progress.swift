import Foundation

/// One status line on stderr, rewritten in place, only when stderr is a terminal: pipes and
/// CI logs get the result and nothing else.
struct Progress {
    let enabled: Bool

    func say(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)…".utf8))
    }

    func done() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

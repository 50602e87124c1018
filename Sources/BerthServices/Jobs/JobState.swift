/// Where a job is in its life. `queued` and `running` are active: at most one active job
/// exists per dedupe key.
public enum JobState: String, Sendable, Codable, Hashable, CaseIterable {
    case queued
    case running
    case succeeded
    case failed

    public var isTerminal: Bool { self == .succeeded || self == .failed }
}

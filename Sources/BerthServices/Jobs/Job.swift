import BerthModel
import Foundation

/// A unit of long work (a scan, an import, a delete) persisted in the store, so a restart or
/// a second replica picks up what one process queued.
///
/// Workers claim a job by compare-and-swap on its resource version and hold it with a lease
/// they renew; a job whose lease ran out belongs to a crashed worker and is claimed again.
public struct Job: Sendable, Codable, Hashable {
    public var id: String
    public var type: String
    public var payload: JSONValue
    /// Requests with the same key while a job is active join it instead of queueing another.
    public var dedupeKey: String?
    public var state: JobState
    /// How many times a worker claimed it; a job that keeps killing its worker stops after
    /// `maxAttempts`.
    public var attempts: Int
    public var maxAttempts: Int
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    public var result: JSONValue?
    public var failure: JobFailure?

    public init(id: String, type: String, payload: JSONValue, dedupeKey: String?, maxAttempts: Int, createdAt: Date) {
        self.id = id
        self.type = type
        self.payload = payload
        self.dedupeKey = dedupeKey
        self.state = .queued
        self.attempts = 0
        self.maxAttempts = maxAttempts
        self.createdAt = createdAt
    }
}

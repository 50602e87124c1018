import BerthModel
import BerthServices
import Foundation

/// Berth jobs in Cycle's shapes: the Job Descriptor a task or delete returns, and the Job
/// `GET /v1/jobs/{jobId}` follows to completion (reference A.13).
enum JobViews {
    static func task(_ job: Job) -> JSONValue {
        ["caption": job.payload["caption"] ?? "", "header": job.payload["header"] ?? "", "steps": .null, "input": job.payload["input"] ?? [:]]
    }

    static func descriptor(_ job: Job) -> JSONValue {
        [
            "action": job.payload["action"] ?? "",
            "job": [
                "id": .string(job.id), "accepted": true, "queue": job.payload["queue"] ?? "",
                "schedule": .string(CycleTime.format(job.createdAt)),
                "parallel": ["tasks": false, "sub_queue": .null],
                "tasks": [task(job)],
            ],
        ]
    }

    /// Cycle states: `queued` until a worker claims it, `running`, then `completed` or
    /// `error` with the failure's message.
    static func job(_ job: Job, retention: Duration) -> JSONValue {
        let state: String = switch job.state {
        case .queued: "queued"
        case .running: "running"
        case .succeeded: "completed"
        case .failed: "error"
        }
        let changed = job.finishedAt ?? job.startedAt ?? job.createdAt
        var stateObject: [String: JSONValue] = ["current": .string(state), "changed": .string(CycleTime.format(changed))]
        stateObject["error"] = job.failure.map { ["message": .string($0.message)] } ?? .null
        let zero = JSONValue.string(CycleEvents.zeroTime)
        let expires = (job.finishedAt ?? job.createdAt).addingTimeInterval(Double(retention.components.seconds))
        return [
            "id": .string(job.id), "hub_id": job.payload["hub_id"] ?? "", "queue": job.payload["queue"] ?? "",
            "caption": job.payload["caption"] ?? "",
            "events": [
                "created": .string(CycleTime.format(job.createdAt)), "queued": .string(CycleTime.format(job.createdAt)),
                "started": job.startedAt.map { .string(CycleTime.format($0)) } ?? zero,
                "completed": job.finishedAt.map { .string(CycleTime.format($0)) } ?? zero,
            ],
            "schedule": .string(CycleTime.format(job.createdAt)), "expires": .string(CycleTime.format(expires)),
            "tasks": [task(job)], "hash": .string(job.dedupeKey ?? job.id), "limit_duplicates": .bool(job.dedupeKey != nil),
            "creator": job.payload["creator"] ?? ["id": "", "type": "platform"],
            "state": .object(stateObject),
        ]
    }
}

import BerthModel

/// The work behind one job type. It receives the job's payload and returns a JSON result;
/// a thrown `BerthError` becomes the job's failure with its code intact.
public typealias JobHandler = @Sendable (Job) async throws -> JSONValue

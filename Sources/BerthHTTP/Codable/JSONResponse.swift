import BerthModel
import Foundation
import Hummingbird

/// Builds JSON responses the same way for every dialect.
public enum JSONResponse {
    public static func make<T: Encodable>(
        _ value: T, status: HTTPResponse.Status = .ok, encoder: JSONEncoder = JSONEncoder(),
        contentType: String = "application/json"
    ) throws -> Response {
        let data = try encoder.encode(value)
        return raw(data, status: status, contentType: contentType)
    }

    public static func raw(_ data: Data, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import BerthModel
import BerthServices
import HTTPTypes

/// One endpoint as the OpenAPI document describes it, and as the router serves it: both are
/// made from this one value, so the document cannot drift from the routes.
public struct APIOperation: Sendable {
    public var method: HTTPRequest.Method
    /// OpenAPI path template: `/v1/imageintegrations/{id}`.
    public var path: String
    public var operationId: String
    public var summary: String
    public var tag: String
    /// What the caller needs; nil marks a public route (health, metrics, documents).
    public var access: Access?
    /// How far the route reaches, for tokens limited to namespaces or hubs.
    public var scope: AccessScope
    public var parameters: [APIParameter]
    public var requestBody: JSONValue?
    public var responses: [APIResponse]

    public init(
        _ method: HTTPRequest.Method, _ path: String, operationId: String, summary: String, tag: String,
        access: Access?, scope: AccessScope = .global, parameters: [APIParameter] = [], requestBody: JSONValue? = nil, responses: [APIResponse]
    ) {
        self.scope = scope
        self.method = method
        self.path = path
        self.operationId = operationId
        self.summary = summary
        self.tag = tag
        self.access = access
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
    }

    /// The Hummingbird form of the path: `{config.id}` becomes `:config_id`.
    public var routerPath: String {
        var result = ""
        var inParameter = false
        for character in path {
            switch character {
            case "{":
                inParameter = true
                result.append(":")
            case "}":
                inParameter = false
            default:
                result.append(inParameter ? Self.routerParameterCharacter(character) : character)
            }
        }
        return result
    }

    static func routerParameterCharacter(_ character: Character) -> Character {
        character.isLetter || character.isNumber ? character : "_"
    }

    public static func routerParameterName(_ name: String) -> String {
        String(name.map(routerParameterCharacter))
    }
}

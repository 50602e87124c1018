import BerthModel
import BerthServices
import Foundation
import Hummingbird

/// Cycle's query conventions (reference A.2, A.3): `filter[key]`, `sort` with `-` for
/// descending, `page[number]`/`page[size]`, and `include`/`meta` lists given either comma
/// separated or as repeated keys, since clients send both.
struct CycleQuery {
    static let maxPageSize = 100
    /// Keys percent-decoded: clients send `filter[state]` and `filter%5Bstate%5D` alike.
    let parameters: [(key: String, value: String)]

    init(request: Request) {
        parameters = request.uri.queryParameters.map { (key: String($0.key).removingPercentEncoding ?? String($0.key), value: String($0.value)) }
    }

    func all(_ name: String) -> [String] {
        parameters.filter { $0.key == name }.map(\.value)
    }

    func get(_ name: String) -> String? { all(name).first }

    func list(_ name: String) -> [String] {
        all(name).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func filter(_ name: String) -> String? {
        get("filter[\(name)]")
    }

    func choices(_ name: String, allowed: Set<String>) throws(CycleError) -> Set<String> {
        let values = list(name)
        for value in values where !allowed.contains(value) {
            throw CycleError.invalid(nil, "\(name)=\(value) is not supported here; use: \(allowed.sorted().joined(separator: ", "))")
        }
        return Set(values)
    }

    func imageSourceQuery() throws(CycleError) -> ImageSourceQuery {
        let filters: Set<String> = ["search", "identifier", "state"]
        for (name, _) in parameters {
            if name.hasPrefix("filter["), name.hasSuffix("]") {
                let inner = String(name.dropFirst(7).dropLast())
                guard filters.contains(inner) else {
                    throw CycleError.invalid(nil, "filter[\(inner)] is not a filter of image sources; use: \(filters.sorted().map { "filter[\($0)]" }.joined(separator: ", "))")
                }
            }
        }
        var query = ImageSourceQuery()
        query.search = filter("search")
        query.identifier = filter("identifier").flatMap { $0.isEmpty ? nil : $0 }
        if let states = filter("state") {
            let values = states.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for value in values where !["live", "deleting", "deleted"].contains(value) {
                throw CycleError.invalid(nil, "filter[state]=\(value) is not an image source state; use live, deleting, deleted")
            }
            if !values.isEmpty { query.states = values }
        }
        for key in list("sort") {
            let descending = key.hasPrefix("-")
            let name = descending ? String(key.dropFirst()) : key
            guard ImageSourceQuery.sortKeys.contains(name) else {
                throw CycleError.invalid(nil, "sort=\(key): image sources sort by \(ImageSourceQuery.sortKeys.sorted().joined(separator: ", ")), with - for descending")
            }
            query.sort.append((key: name, descending: descending))
        }
        query.pageNumber = try page("number", default: 1, range: 1...1_000_000)
        query.pageSize = try page("size", default: 20, range: 1...Self.maxPageSize)
        return query
    }

    func page(_ name: String, default value: Int, range: ClosedRange<Int>) throws(CycleError) -> Int {
        guard let text = get("page[\(name)]"), !text.isEmpty else { return value }
        guard let number = Int(text), number >= range.lowerBound else {
            throw CycleError.invalid(nil, "page[\(name)]=\(text) must be a whole number of at least \(range.lowerBound)")
        }
        // Larger pages are cut to the cap rather than refused, as list APIs usually do.
        return min(number, range.upperBound)
    }
}

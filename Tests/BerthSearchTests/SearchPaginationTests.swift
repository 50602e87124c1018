import Testing
@testable import BerthSearch

/// Sorting by a field's first value, missing values last, stable; then offset and limit.
struct SearchPaginationTests {
    static func page(_ pagination: SearchPagination) throws -> [String] {
        try sortedPage(TestImage.catalogue, fields: TestImage.fields, pagination: pagination).map(\.id)
    }

    static let cases: [(SearchPagination, [String])] = [
        (SearchPagination(), ["nginx", "redis", "alpine", "busybox"]),
        (SearchPagination(sortField: "Image"), ["alpine", "nginx", "busybox", "redis"]),
        (SearchPagination(sortField: " image "), ["alpine", "nginx", "busybox", "redis"]),
        (SearchPagination(sortField: "Image", reversed: true), ["redis", "busybox", "nginx", "alpine"]),
        // Ties (two docker.io images) keep input order in both directions.
        (SearchPagination(sortField: "Image Registry"), ["nginx", "alpine", "busybox", "redis"]),
        (SearchPagination(sortField: "Image Registry", reversed: true), ["redis", "busybox", "nginx", "alpine"]),
        // First value of a multi-valued field; no value sorts last either way.
        (SearchPagination(sortField: "CVSS"), ["busybox", "redis", "nginx", "alpine"]),
        (SearchPagination(sortField: "CVSS", reversed: true), ["nginx", "redis", "busybox", "alpine"]),
        (SearchPagination(sortField: "Image Created Time"), ["alpine", "nginx", "redis", "busybox"]),
        (SearchPagination(sortField: "Image Tag"), ["nginx", "alpine", "redis", "busybox"]),
        // Enums by position, not by name.
        (SearchPagination(sortField: "Severity"), ["busybox", "redis", "nginx", "alpine"]),
        (SearchPagination(sortField: "Fixable"), ["redis", "nginx", "busybox", "alpine"]),
        (SearchPagination(limit: 2, offset: 1, sortField: "Image"), ["nginx", "busybox"]),
        (SearchPagination(limit: 10, offset: 3), ["busybox"]),
        (SearchPagination(offset: 10), []),
        (SearchPagination(offset: -1), ["nginx", "redis", "alpine", "busybox"]),
        (SearchPagination(limit: 0), ["nginx", "redis", "alpine", "busybox"]),
        (SearchPagination(limit: 1, sortField: "CVSS", reversed: true), ["nginx"]),
    ]

    @Test(arguments: cases)
    func pages(pagination: SearchPagination, expected: [String]) throws {
        #expect(try Self.page(pagination) == expected)
    }

    @Test func stringsSortCaseInsensitively() throws {
        var images = TestImage.catalogue
        images[0].registry = "b.io"
        images[1].registry = "A.io"
        images[2].registry = "c.io"
        images[3].registry = "a.io"
        let sorted = try sortedPage(images, fields: TestImage.fields, pagination: SearchPagination(sortField: "Image Registry"))
        #expect(sorted.map(\.registry) == ["A.io", "a.io", "b.io", "c.io"])
    }

    @Test func unknownSortFieldIsAnError() {
        #expect(throws: SearchError("field \"Bogus\" does not exist")) {
            try Self.page(SearchPagination(sortField: "Bogus"))
        }
    }
}

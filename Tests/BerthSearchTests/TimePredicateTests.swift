import Foundation
import Testing
@testable import BerthSearch

/// §6.2 time forms: dates, durations (inverted), ranges, `tr/`.
struct TimePredicateTests {
    static let now = TestImage.now
    static let day = TestImage.day
    /// 01/02/2006 00:00 UTC.
    static let midnight = Date(timeIntervalSince1970: 1_136_160_000)

    static let parseCases: [(String, SearchPredicate)] = [
        ("01/02/2006", .timeRange(lower: midnight, upper: midnight + day, includesLower: true)),
        ("=01/02/2006", .timeRange(lower: midnight, upper: midnight + day, includesLower: true)),
        (">01/02/2006", .time(.greater, midnight)),
        (">=01/02/2006", .time(.greaterOrEqual, midnight)),
        ("<01/02/2006", .time(.less, midnight)),
        ("<=01/02/2006", .time(.lessOrEqual, midnight)),
        ("02/29/2020", .timeRange(
            lower: Date(timeIntervalSince1970: 1_582_934_400),
            upper: Date(timeIntervalSince1970: 1_582_934_400 + 86_400), includesLower: true)),
        (">01/02/2006 3:04 PM", .time(.greater, midnight + 15 * 3600 + 4 * 60)),
        (">01/02/2006 3:04:05 PM MST", .time(.greater, midnight + 15 * 3600 + 4 * 60 + 5)),
        (">01/02/2006 12:00 AM", .time(.greater, midnight)),
        (">01/02/2006 12:30 PM", .time(.greater, midnight + 12 * 3600 + 30 * 60)),
        (">01/02/2006 UTC", .time(.greater, midnight)),
        ("30d", .time(.equal, now - 30 * day)),
        ("30", .time(.equal, now - 30 * day)),
        (">30d", .time(.less, now - 30 * day)),
        (">=30d", .time(.lessOrEqual, now - 30 * day)),
        ("<7d", .time(.greater, now - 7 * day)),
        ("1d-7d", .timeRange(lower: now - 7 * day, upper: now - 1 * day, includesLower: false)),
        ("tr/1000-2000", .timeRange(
            lower: Date(timeIntervalSince1970: 1), upper: Date(timeIntervalSince1970: 2), includesLower: true)),
        ("*", .exists),
        ("-", .missing),
    ]

    @Test(arguments: parseCases)
    func parses(value: String, expected: SearchPredicate) throws {
        #expect(try TestImage.predicate(value, for: "Image Created Time") == expected)
    }

    @Test(arguments: ["1/2/2006", "01/02/06", "02/30/2020", "00/10/2020", "01/02/2006 13:00 PM",
                      "01/02/2006 3:04 pm", "01/02/2006 3:4 PM", "01/02/2006  UTC", "01/02/2006 utc", "abc"])
    func rejectsMalformedDates(value: String) {
        #expect(SearchQueryParser.date(value) == nil)
        #expect(throws: SearchError.self) { try TestImage.predicate(value, for: "Image Created Time") }
    }

    @Test func durationsCountFromWholeSecondNow() throws {
        let predicate = try SearchQueryParser.predicate(
            ">1d", field: TestImage.field("Image Created Time"), now: Date(timeIntervalSince1970: 100.75 + 86_400))
        #expect(predicate == .time(.less, Date(timeIntervalSince1970: 100)))
    }

    static let matchCases: [(String, [String])] = [
        ("Image Created Time:>30d", ["nginx", "alpine"]),
        ("Image Created Time:<7d", ["redis"]),
        ("Image Created Time:1d-7d", ["redis"]),
        ("Image Created Time:30d", []),
        ("Image Created Time:01/02/2006", ["alpine"]),
        ("Image Created Time:01/03/2006", []),
        ("Image Created Time:>01/01/2020", ["nginx", "redis"]),
        ("Image Created Time:<01/01/2020", ["alpine"]),
        ("Image Created Time:tr/1136214240000-1136214241000", ["alpine"]),
        ("Image Created Time:tr/1136214239000-1136214240000", []),
        ("Image Created Time:-", ["busybox"]),
        ("Image Created Time:*", ["nginx", "redis", "alpine"]),
    ]

    @Test(arguments: matchCases)
    func matches(query: String, expected: [String]) throws {
        #expect(try TestImage.ids(matching: query) == expected)
    }
}

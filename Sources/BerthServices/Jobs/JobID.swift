import Foundation

/// Job ids sort by creation time (12 hex digits of milliseconds, then 12 random), so listing
/// the store in key order is FIFO and ids look like the 24-hex ids Cycle clients expect.
enum JobID {
    static func make(now: Date = Date()) -> String {
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        let random = UInt64.random(in: 0..<(1 << 48))
        return hex(millis) + hex(random)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value & 0xFFFF_FFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }
}

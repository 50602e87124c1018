import Crypto
import Foundation
import Synchronization

/// 24-hex ids laid out as MongoDB ObjectIDs (4 bytes of seconds, 5 random, a 3-byte counter),
/// as Cycle's are: clients treat them as opaque, but sorting by id is creation order.
public enum ObjectID {
    private static let process: UInt64 = UInt64.random(in: 0..<(1 << 40))
    private static let counter = Mutex<UInt32>(UInt32.random(in: 0..<(1 << 24)))

    public static func make(now: Date = Date()) -> String {
        let seconds = UInt64(max(0, now.timeIntervalSince1970)) & 0xFFFF_FFFF
        let count = counter.withLock { value -> UInt32 in
            value = (value + 1) & 0xFF_FFFF
            return value
        }
        return hex(seconds, digits: 8) + hex(process, digits: 10) + hex(UInt64(count), digits: 6)
    }

    /// A stable id for something that has a name but no id of its own (an API token).
    public static func derived(from name: String) -> String {
        SHA256.hash(data: Data(name.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 24 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let masked = digits >= 16 ? value : value & ((1 << (UInt64(digits) * 4)) - 1)
        let text = String(masked, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
